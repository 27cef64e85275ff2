// Small-cell suppression, scope, formula injection and the audit log on /export (DESIGN §7).
// A synthetic facility: one line per encounter, one encounter per patient, $100 a line, so the
// encounter, patient and line counts of a cell are equal and its charges are 100 × the count.
import { recoverableCells, type TableMask } from '@caseload/domain';
import type { AggregateResponse } from '@caseload/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { arrowTable, csvTable, downloadOk, download, exportAudits, pdfText, xlsxTable, type Cell } from './export-files.js';

const COUNTS: Record<string, Record<string, number>> = {
  '2024-Q1': { '=CMD': 15, CARD: 30, LAB: 20, RAD: 3 },
  '2024-Q2': { '=CMD': 14, CARD: 25, LAB: 0, RAD: 12 },
};
const DATES: Record<string, string> = { '2024-Q1': '2024-02-15', '2024-Q2': '2024-05-15' };
const PERIODS = Object.keys(COUNTS);
const DEPARTMENTS = ['=CMD', 'CARD', 'LAB', 'RAD'];

function fixtureCsv(): string {
  const lines = ['encounter_id,patient_id,service_date,department,code,units,charge_amount'];
  let n = 0;
  for (const period of PERIODS) {
    for (const department of DEPARTMENTS) {
      for (let i = 0; i < COUNTS[period]![department]!; i++) {
        n++;
        const id = String(n).padStart(4, '0');
        lines.push(`SC-E${id},SC-P${id},${DATES[period]},${department},99213,1,100.00`);
      }
    }
  }
  return lines.join('\n');
}

const RANGE = 'grain=quarter&from=2024-01-01&to=2024-06-30';
const PIVOT = `measures=encounters,patients,charges&groupBy=period,department&${RANGE}`;
const MEASURES = 3;

describe('export: suppression, scope, injection, audit', () => {
  let t: TestApp;
  let viewer: string;
  let analyst: string;
  let scoped: string;
  beforeAll(async () => {
    t = await startTestApp();
    const status = await t.importCsv(fixtureCsv(), 'small-cells.csv');
    expect(status).toMatchObject({ status: 'completed', rowsLoaded: 119, rowsRejected: 0 });
    viewer = (await t.createUser({ email: 'viewer@example.test', password: 'viewer-password-1', role: 'viewer' })).token;
    analyst = (await t.createUser({ email: 'analyst@example.test', password: 'analyst-password-1', role: 'analyst' })).token;
    scoped = (await t.createUser({ email: 'scoped@example.test', password: 'scoped-password-1', role: 'analyst', departments: ['CARD'] })).token;
  }, 60_000);
  afterAll(() => t.close());

  /** The CSV's labels as the data holds them: a spreadsheet hides the apostrophe that neutralises `=CMD`. */
  const unneutralised = (rows: Cell[][]) => rows.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith("'=") ? cell.slice(1) : cell)));

  /** Row keys `period|department` of the cells each format leaves empty. */
  const blanks = (rows: Cell[][]) => rows.filter((row) => row.slice(2).every((cell) => cell === null)).map((row) => `${row[0]}|${row[1]}`);

  describe('the period × department table of encounters and patients', () => {
    let truth: AggregateResponse;
    let csv: Cell[][];
    beforeAll(async () => {
      truth = await t.getJson<AggregateResponse>(`/api/v1/aggregate?${PIVOT}`);
      csv = unneutralised(csvTable((await downloadOk(t, `${PIVOT}&format=csv`)).bytes.toString('utf8'), 2).rows);
    });

    it('has the fixture counts in the aggregate API', () => {
      for (const row of truth.rows) expect(row['encounters']).toBe(COUNTS[row['period'] as string]![row['department'] as string]);
      expect(truth.totals).toMatchObject({ encounters: 119, patients: 119, charges: 11900 });
    });

    it('blanks the small cell and its complements in the CSV, keeps zero and publishes the rest unchanged', () => {
      const cells = csv.slice(0, -1);
      expect(cells).toHaveLength(8);
      const blanked = blanks(cells);
      expect(blanked).toContain('2024-Q1|RAD');
      // Q1 and RAD each hold one small blank: each needs a partner, in the row and in the column.
      expect(blanked.length).toBeGreaterThanOrEqual(3);
      expect(cells.find((row) => row[0] === '2024-Q2' && row[1] === 'LAB')).toEqual(['2024-Q2', 'LAB', 0, 0, 0]);
      for (const row of cells) {
        // A cell is blanked whole (every measure) or published whole, as the API has it.
        const nulls = row.slice(2).filter((cell) => cell === null).length;
        expect([0, MEASURES]).toContain(nulls);
        if (nulls > 0) continue;
        const count = COUNTS[String(row[0])]![String(row[1])]!;
        expect(row.slice(2)).toEqual([count, count, count * 100]);
        expect(count === 0 || count > 10).toBe(true);
      }
      expect(csv.at(-1)).toEqual(['Total', null, 119, 119, 11900]);
    });

    it('leaves no blank that the published cells and totals give away', () => {
      const index = (list: string[], label: Cell) => list.indexOf(String(label));
      const counts = PERIODS.map((period) => DEPARTMENTS.map((department) => COUNTS[period]![department]!));
      const mask: TableMask = {
        cells: PERIODS.map(() => DEPARTMENTS.map(() => false)),
        rowTotals: PERIODS.map(() => false),
        columnTotals: DEPARTMENTS.map(() => false),
        grandTotal: false,
      };
      for (const row of csv.slice(0, -1)) mask.cells[index(PERIODS, row[0]!)]![index(DEPARTMENTS, row[1]!)] = row[2] === null;
      // The strongest reader: every row and column total known as well (another export gives them).
      expect(recoverableCells(counts, mask)).toEqual([]);
      // And the reader of this file alone: the grand total only.
      expect(recoverableCells(counts, mask, { rowTotals: false, columnTotals: false })).toEqual([]);
    });

    it('blanks the same cells in the XLSX, the Arrow file and the PDF', async () => {
      const expected = blanks(csv.slice(0, -1)).sort();
      const xlsx = await xlsxTable((await downloadOk(t, `${PIVOT}&format=xlsx`)).bytes);
      expect(xlsx.rows).toEqual(csv);
      expect(xlsx.manifest.get('Suppression')).toMatch(new RegExp(`^applied: ${expected.length} cells and 0 totals blanked`));
      expect(xlsx.manifest.get('Suppression rule')).toMatch(/counts from 1 to 10 are blanked/);
      const arrow = arrowTable((await downloadOk(t, `${PIVOT}&format=arrow`)).bytes);
      expect(arrow.rows).toEqual(csv.slice(0, -1));
      expect(JSON.parse(arrow.metadata.get('caseload:manifest')!)).toMatchObject({ suppression: { applied: true, blankedCells: expected.length } });
      const text = pdfText((await downloadOk(t, `${PIVOT}&format=pdf`)).bytes);
      for (const key of expected) {
        const [period, department] = key.split('|') as [string, string];
        expect(text).toMatch(new RegExp(`${period}\\s+${department.replace('=', '\\=')}\\s+\\*\\s+\\*\\s+\\*`));
      }
      expect(text).toMatch(/2024-Q2\s+LAB\s+0\s+0\s+\$0\.00/);
      expect(text).toMatch(/Suppressed: a count of 1 to 10/);
    });

    it('says how many values it blanked in the manifest header', async () => {
      const file = await downloadOk(t, `${PIVOT}&format=csv`);
      const manifest = JSON.parse(file.headers.get('x-caseload-manifest')!) as { suppression: { blankedCells: number } };
      expect(manifest.suppression.blankedCells).toBe(blanks(csv.slice(0, -1)).length);
    });
  });

  it('blanks a small cell of a one-dimension list and its complement, keeping the total', async () => {
    const query = `measures=encounters&groupBy=department&${RANGE}&department=CARD,LAB,RAD`;
    const { rows } = csvTable((await downloadOk(t, `${query}&format=csv`)).bytes.toString('utf8'), 1);
    // RAD 15, CARD 55, LAB 20 over the half year: nothing small.
    expect(rows).toEqual([['CARD', 55], ['LAB', 20], ['RAD', 15], ['Total', 90]]);
    const q1 = csvTable((await downloadOk(t, `${query.replace('to=2024-06-30', 'to=2024-03-31')}&format=csv`)).bytes.toString('utf8'), 1).rows;
    // RAD 3 is small; with the total published, one more value goes with it (LAB 20, the smaller of the rest).
    expect(q1).toEqual([['CARD', 30], ['LAB', null], ['RAD', null], ['Total', 53]]);
  });

  it('says when there is nothing to suppress', async () => {
    const file = await downloadOk(t, `measures=lines,charges&groupBy=period,department&${RANGE}&format=xlsx`);
    const { rows, manifest } = await xlsxTable(file.bytes);
    expect(rows.find((row) => row[0] === '2024-Q1' && row[1] === 'RAD')).toEqual(['2024-Q1', 'RAD', 3, 300]);
    expect(manifest.get('Suppression')).toBe('nothing to suppress');
  });

  it('refuses a viewer who asks to turn suppression off, and suppresses their export', async () => {
    const refused = await download(t, `${PIVOT}&format=csv&suppress=false`, viewer);
    expect(refused.status).toBe(400);
    expect((JSON.parse(refused.bytes.toString('utf8')) as { message: string }).message).toMatch(/^suppress: small-cell suppression is always applied for viewers/);
    const { rows } = csvTable((await downloadOk(t, `${PIVOT}&format=csv`, viewer)).bytes.toString('utf8'), 2);
    expect(blanks(rows)).toContain('2024-Q1|RAD');
  });

  it('lets an analyst turn suppression off, and the audit log says so', async () => {
    const { rows } = csvTable((await downloadOk(t, `${PIVOT}&format=csv&suppress=false`, analyst)).bytes.toString('utf8'), 2);
    expect(rows.find((row) => row[0] === '2024-Q1' && row[1] === 'RAD')).toEqual(['2024-Q1', 'RAD', 3, 3, 300]);
    const [latest] = await exportAudits(t);
    expect(latest).toMatchObject({
      action: 'export',
      actor: 'analyst@example.test',
      details: { format: 'csv', rows: 8, suppression: { requested: false, applied: false, blankedCells: 0 } },
    });
  });

  it("gives a user limited to departments only their departments' rows and totals", async () => {
    for (const format of ['csv', 'arrow'] as const) {
      const file = await downloadOk(t, `measures=encounters,charges&groupBy=department&${RANGE}&format=${format}`, scoped);
      const rows = format === 'csv' ? csvTable(file.bytes.toString('utf8'), 1).rows : arrowTable(file.bytes).rows;
      expect(rows).toEqual(format === 'csv' ? [['CARD', 55, 5500], ['Total', 55, 5500]] : [['CARD', 55, 5500]]);
    }
    // Naming another department answers as if it had no lines.
    const other = csvTable((await downloadOk(t, `measures=lines&groupBy=department&${RANGE}&department=RAD&format=csv`, scoped)).bytes.toString('utf8'), 1);
    expect(other.rows).toEqual([['Total', 0]]);
  });

  it('neutralises a department code that a spreadsheet would run as a formula', async () => {
    const text = (await downloadOk(t, `measures=lines&groupBy=department&${RANGE}&format=csv`)).bytes.toString('utf8');
    expect(text.split('\r\n')[1]).toBe("'=CMD,29");
    for (const line of text.split('\r\n')) expect(line).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes an export entry for every export, with the query and no patient identifier', async () => {
    const before = (await exportAudits(t)).length;
    for (const format of ['csv', 'xlsx', 'arrow', 'pdf']) await downloadOk(t, `${PIVOT}&format=${format}`);
    const entries = await exportAudits(t);
    expect(entries.length).toBe(before + 4);
    expect(entries.slice(0, 4).map((entry) => (entry.details as { format: string }).format)).toEqual(['pdf', 'arrow', 'xlsx', 'csv']);
    expect(entries[0]).toMatchObject({
      actor: 'admin@example.test',
      details: {
        rows: 8,
        query: { measures: ['encounters', 'patients', 'charges'], groupBy: ['period', 'department'], grain: 'quarter', from: '2024-01-01', to: '2024-06-30' },
        suppression: { requested: true, applied: true },
      },
    });
    expect(JSON.stringify(entries)).not.toMatch(/SC-P\d/);
  });

  it('never puts a patient identifier in any format', async () => {
    for (const format of ['csv', 'xlsx', 'arrow', 'pdf']) {
      const file = await downloadOk(t, `measures=lines,patients&groupBy=department,code&${RANGE}&format=${format}&suppress=false`);
      // Zipped and compressed formats are read back to their text first.
      const text =
        format === 'xlsx'
          ? JSON.stringify(await xlsxTable(file.bytes).then(({ rows, manifest }) => [rows, [...manifest]]))
          : format === 'pdf'
            ? pdfText(file.bytes)
            : file.bytes.toString('latin1');
      expect(text).toContain('CARD');
      expect(text).not.toMatch(/SC-P\d/);
    }
  });
});
