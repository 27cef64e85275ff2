// The streamed path of GET /api/v1/export: rows read from PostgreSQL through COPY and written
// as they come. The scenario is small, so the server is told to stream every unsuppressed export;
// each format is read back with an independent reader and compared with /aggregate's answer to the
// same query, and with the hand-worked numbers of ../fixtures/aggregate/README.md.
import type { AggregateResponse, AggregateRow } from '@caseload/contracts';
import { ExportService } from '../../src/modules/export/export.service.js';
import type { TestApp } from '../support/test-app.js';
import { WHOLE, aggregate, startScenarioApp } from '../aggregate/scenario.js';
import { arrowTable, csvTable, download, downloadOk, exportAudits, pdfText, xlsxTable, type Cell } from './export-files.js';

/** The aggregate answer as an export lays it out: the rows, then the totals row. */
function expectedRows(answer: AggregateResponse, labels: string[], measures: string[]): Cell[][] {
  const cells = (row: AggregateRow) => [...labels.map((key) => row[key] ?? null), ...measures.map((key) => row[key] ?? null)];
  const totals = [...labels.map((_, i) => (i === 0 ? 'Total' : null)), ...measures.map((key) => answer.totals[key] ?? null)];
  return [...answer.rows.map(cells), totals];
}

function manifestOf(headers: Headers): Record<string, unknown> {
  return JSON.parse(headers.get('x-caseload-manifest')!) as Record<string, unknown>;
}

interface Case {
  name: string;
  query: string;
  labels: string[];
  measures: string[];
}

const CASES: Case[] = [
  { name: 'one group-by', query: `measures=lines,charges,denial_rate&groupBy=department&${WHOLE}`, labels: ['department'], measures: ['lines', 'charges', 'denial_rate'] },
  {
    name: 'quarters filled with zeros per department, exact distinct counts',
    query: `measures=lines,units,encounters,patients,charges,allowed,paid&groupBy=period,department&grain=quarter&${WHOLE}&suppress=false`,
    labels: ['period', 'department'],
    measures: ['lines', 'units', 'encounters', 'patients', 'charges', 'allowed', 'paid'],
  },
  {
    name: 'every week of a range with the period alone',
    query: 'measures=lines,patients&groupBy=period&grain=week&from=2024-01-01&to=2024-12-31&suppress=false',
    labels: ['period'],
    measures: ['lines', 'patients'],
  },
  {
    // Period first without a limit: the rows are read in two halves of the days, at once. Pairs
    // busy in one half only (CARD in January, ORTH in April) still get a zero on every day.
    name: 'every day of part months by department and code (the daily code rollup, a row per group), in two halves',
    query: 'measures=lines,charges&groupBy=period,department,code&grain=day&from=2024-01-10&to=2024-04-05&suppress=false',
    labels: ['period', 'department', 'code'],
    measures: ['lines', 'charges'],
  },
  {
    name: 'months by code and department (the monthly code rollup, a row per group), in two halves',
    query: 'measures=lines,paid,denial_rate&groupBy=period,code,department&grain=month&from=2024-01-01&to=2025-12-31&suppress=false',
    labels: ['period', 'code', 'department'],
    measures: ['lines', 'paid', 'denial_rate'],
  },
  {
    name: 'months by provider (lines without one under an empty label), in two halves',
    query: 'measures=lines,charges&groupBy=period,provider&grain=month&from=2024-01-01&to=2024-12-31&suppress=false',
    labels: ['period', 'provider'],
    measures: ['lines', 'charges'],
  },
  {
    name: 'sections, payer categories and places of service as their labels',
    query: `measures=lines,paid,denial_rate&groupBy=section,payer_category,place_of_service&${WHOLE}`,
    labels: ['section', 'payer_category', 'place_of_service'],
    measures: ['lines', 'paid', 'denial_rate'],
  },
  {
    name: 'providers (lines without one under an empty label), a filter and an order with a limit',
    query: `measures=lines,charges,denial_rate&groupBy=provider,code&department=CARD,RAD,ORTH&orderBy=-denial_rate&limit=6&${WHOLE}`,
    labels: ['provider', 'code'],
    measures: ['lines', 'charges', 'denial_rate'],
  },
  {
    name: 'months compared with the year before, by department',
    query: 'measures=lines,charges,denial_rate&groupBy=period,department&grain=month&compare=previous_year&from=2025-01-01&to=2025-12-31',
    labels: ['period', 'department'],
    measures: ['lines', 'lines_compare', 'charges', 'charges_compare', 'denial_rate', 'denial_rate_compare'],
  },
  {
    name: 'weeks compared with the week before, distinct patients, part months read from the lines',
    query: 'measures=lines,patients&groupBy=period&grain=week&compare=previous_period&from=2024-01-10&to=2024-04-20&suppress=false',
    labels: ['period'],
    measures: ['lines', 'lines_compare', 'patients', 'patients_compare'],
  },
  {
    name: 'codes compared with the range before, ordered by a measure, with providers',
    query: 'measures=lines,paid&groupBy=code,provider&compare=previous_period&orderBy=-paid&from=2025-01-01&to=2025-12-31',
    labels: ['code', 'provider'],
    measures: ['lines', 'lines_compare', 'paid', 'paid_compare'],
  },
  {
    name: 'fiscal years of whole months (the rollup source) ordered by a label',
    query: 'measures=lines,charges&groupBy=period,department&grain=fiscal_year&from=2023-07-01&to=2026-06-30&orderBy=-department',
    labels: ['period', 'department'],
    measures: ['lines', 'charges'],
  },
];

describe('streamed exports over the scenario', () => {
  let t: TestApp;
  let scoped: string;
  beforeAll(async () => {
    t = await startScenarioApp();
    t.app.get(ExportService).streamAboveRows = 0;
    scoped = (await t.createUser({ email: 'card@example.test', password: 'card-password-1', role: 'analyst', departments: ['CARD'] })).token;
  }, 60_000);
  afterAll(() => t.close());

  it('streams the department list with the hand-worked numbers, chunked, the row count left to the file', async () => {
    const file = await downloadOk(t, `${CASES[0]!.query}&format=csv`);
    expect(file.headers.get('transfer-encoding')).toBe('chunked');
    expect(file.headers.get('content-length')).toBeNull();
    expect(manifestOf(file.headers)).toMatchObject({ rowCount: null, rowsLeftOut: 0, suppression: { requested: true, applied: false } });
    expect(csvTable(file.bytes.toString('utf8'), 1).rows).toEqual([
      ['CARD', 14, 1400, 0],
      ['LAB', 10, 319.98, 0.1],
      ['ONC', 2, 800, null],
      ['ORTH', 7, 50710, 2 / 7],
      ['RAD', 11, 3300.5, 0.2],
      ['Total', 44, 56530.48, 0.125],
    ]);
  });

  describe.each(CASES)('$name', ({ query, labels, measures }) => {
    let expected: Cell[][];
    beforeAll(async () => {
      const answer = await aggregate(t, query.replace('&suppress=false', ''));
      expect(answer.rows.length).toBeGreaterThan(0);
      expected = expectedRows(answer, labels, measures);
    });

    it('sends CSV equal to /aggregate, row for row', async () => {
      const file = await downloadOk(t, `${query}&format=csv`);
      expect(manifestOf(file.headers)['rowCount']).toBeNull();
      const { header, rows } = csvTable(file.bytes.toString('utf8'), labels.length);
      expect(header).toEqual([...labels, ...measures]);
      expect(rows).toEqual(expected);
    });

    it('sends XLSX equal to /aggregate, with typed numbers and the rows counted in its manifest', async () => {
      const file = await downloadOk(t, `${query}&format=xlsx`);
      const { rows, manifest, workbook } = await xlsxTable(file.bytes);
      expect(rows).toEqual(expected);
      expect(manifest.get('Rows')).toBe(String(expected.length - 1));
      const data = workbook.getWorksheet('Data')!;
      expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(typeof data.getRow(2).getCell(labels.length + 1).value).toBe('number');
      expect(data.getRow(2).getCell(labels.length + 1).numFmt).toBe('#,##0');
    });

    it('sends an Arrow file equal to /aggregate, the totals in its metadata', async () => {
      const file = await downloadOk(t, `${query}&format=arrow`);
      expect(file.bytes.subarray(0, 6).toString('latin1')).toBe('ARROW1');
      const { header, rows, metadata } = arrowTable(file.bytes);
      expect(header).toEqual([...labels, ...measures]);
      expect(rows).toEqual(expected.slice(0, -1));
      const totals = expected.at(-1)!.slice(labels.length);
      expect(JSON.parse(metadata.get('caseload:totals')!)).toEqual(Object.fromEntries(measures.map((measure, i) => [measure, totals[i]])));
    });
  });

  it('sends a PDF whose text holds the rows and the totals of /aggregate', async () => {
    const file = await downloadOk(t, `${CASES[0]!.query}&format=pdf`);
    const text = pdfText(file.bytes);
    expect(text).toMatch(/ORTH\s+7\s+\$50,710\.00\s+28\.6%/);
    expect(text).toMatch(/Total\s+44\s+\$56,530\.48\s+12\.5%/);
    expect(text).not.toContain('left out');
  });

  it('sends a PDF of a comparison with its compared columns', async () => {
    const query = CASES.find((item) => item.query.includes('compare=previous_year'))!.query;
    const answer = await aggregate(t, query);
    const march = answer.rows.find((row) => row['period'] === '2025-03' && row['department'] === 'CARD')!;
    const file = await downloadOk(t, `${query}&format=pdf`);
    const text = pdfText(file.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('(previous year)');
    expect(text).toContain(`2025-03 CARD ${march['lines']} ${march['lines_compare']}`);
  });

  it('bounds a PDF report to its first rows and says how many it left out', async () => {
    const service = t.app.get(ExportService);
    service.pdfMaxRows = 3;
    try {
      const file = await downloadOk(t, `${CASES[0]!.query}&format=pdf`);
      expect(manifestOf(file.headers)).toMatchObject({ rowCount: 5, rowsLeftOut: 2 });
      const text = pdfText(file.bytes).replace(/\s+/g, ' ');
      expect(text).toMatch(/CARD 14 \$1,400\.00/);
      expect(text).toMatch(/ONC 2 \$800\.00/);
      expect(text).not.toMatch(/ORTH 7 \$50,710\.00/);
      expect(text).toMatch(/Total 44 \$56,530\.48/);
      expect(text).toContain('This report shows the first 3 of 5 rows: 2 rows were left out. The CSV, XLSX and Arrow exports of the same query carry every row.');
    } finally {
      service.pdfMaxRows = 2_000;
    }
  });

  it('writes the rows it sent to the audit log', async () => {
    await downloadOk(t, `${CASES[1]!.query}&format=csv`);
    const [latest] = await exportAudits(t);
    const rows = (await aggregate(t, CASES[1]!.query.replace('&suppress=false', ''))).rows.length;
    expect(latest).toMatchObject({ action: 'export', actor: 'admin@example.test', details: { format: 'csv', rows, completed: true, suppression: { requested: false } } });
  });

  it("gives a user limited to departments only their departments' rows, in every format", async () => {
    const query = `measures=lines,charges&groupBy=department,code&${WHOLE}`;
    // CARD's lines by code, counted from the scenario's table: 93000 × 5, 99213 × 5, 99214 × 4.
    const mine = await t.getJson<AggregateResponse>(`/api/v1/aggregate?${query}`);
    const cardRows = mine.rows.filter((row) => row['department'] === 'CARD').map((row) => [row['department'], row['code'], row['lines'], row['charges']] as Cell[]);
    expect(cardRows.map((row) => [row[1], row[2]])).toEqual([['93000', 5], ['99213', 5], ['99214', 4]]);
    const csv = csvTable((await downloadOk(t, `${query}&format=csv`, scoped)).bytes.toString('utf8'), 2).rows;
    expect(csv).toEqual([...cardRows, ['Total', null, 14, 1400]]);
    expect(arrowTable((await downloadOk(t, `${query}&format=arrow`, scoped)).bytes).rows).toEqual(cardRows);
    expect((await xlsxTable((await downloadOk(t, `${query}&format=xlsx`, scoped)).bytes)).rows).toEqual([...cardRows, ['Total', null, 14, 1400]]);
    const pdf = pdfText((await downloadOk(t, `${query}&format=pdf`, scoped)).bytes);
    expect(pdf).toMatch(/CARD\s+93000/);
    expect(pdf).not.toMatch(/\b(LAB|RAD|ONC|ORTH)\b/);
    // Naming another department answers as if it had no lines.
    const other = csvTable((await downloadOk(t, `${query}&department=RAD&format=csv`, scoped)).bytes.toString('utf8'), 2).rows;
    expect(other).toEqual([['Total', null, 0, 0]]);
  });

  it('refuses malformed parameters with a 400 that names them, before any byte of a file', async () => {
    const base = `measures=lines&groupBy=period,code&${WHOLE}`;
    const cases: Array<[string, RegExp]> = [
      [`${base}&format=csv&limit=0`, /^limit: /],
      [`${base}&format=csv&limit=ten`, /^limit: /],
      [`${base}&format=xlsx&orderBy=-colour`, /^orderBy: /],
      [`measures=lines,colour&groupBy=code&${WHOLE}&format=csv`, /^measures: /],
      [`measures=lines&groupBy=code,shoe&${WHOLE}&format=arrow`, /^groupBy: /],
      [`${base}&format=csv&grain=fortnight`, /^grain: /],
      ['measures=lines&groupBy=code&from=2024-02-30&to=2024-03-31&format=csv', /^from: /],
      ['measures=lines&groupBy=code&from=2024-03-01&to=2024-02-01&format=csv', /^from: /],
      [`${base}&format=csv&code=ABC`, /^code: /],
      [`${base}&format=csv&place_of_service=1`, /^place_of_service: /],
      [`${base}&format=csv&department=`, /^department: /],
      [`${base}&format=csv&bom=yes`, /^bom: /],
      [`${base}&format=xlsx&bom=true`, /^bom: /],
      [`${base}&format=csv&suppress=no`, /^suppress: /],
      [`${base}&format=parquet`, /^format: /],
      [`${base}&format=csv&pageSize=10`, /^pageSize: /],
    ];
    for (const [query, message] of cases) {
      const file = await download(t, query);
      expect({ query, status: file.status }).toEqual({ query, status: 400 });
      expect(file.headers.get('content-type')).toMatch(/^application\/json/);
      expect((JSON.parse(file.bytes.toString('utf8')) as { message: string }).message).toMatch(message);
    }
  });
});
