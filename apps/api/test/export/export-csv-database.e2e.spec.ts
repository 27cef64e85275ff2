// A streamed CSV whose labels and measures PostgreSQL can write comes from PostgreSQL line by line
// (the labels neutralised and quoted, the values printed in SQL). It must be the writer's file byte
// for byte: labels a spreadsheet would evaluate, with commas, quotes, backslashes and non-ASCII
// text, and amounts whose dollars print with no, one or two decimals.
import { ExportService } from '../../src/modules/export/export.service.js';
import { ExportRowsRepository } from '../../src/modules/export/export-rows.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { download, downloadOk } from './export-files.js';

const DEPARTMENTS = ['=SUM(A1)', '+plus', '-minus', '@at', 'a,b', 'say "hi"', 'back\\slash', 'Été €', "'quoted", '\\.', 'GEN'];
const AMOUNTS = ['0.01', '0.10', '0.20', '123.40', '1234567.89', '99999999.99', '5.00', '0.00'];

function quoted(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fixtureCsv(): string {
  const lines = ['encounter_id,patient_id,service_date,department,code,charge_amount'];
  DEPARTMENTS.forEach((department, d) =>
    AMOUNTS.forEach((amount, a) => {
      const day = `2024-03-${String(1 + ((d + a) % 5)).padStart(2, '0')}`;
      const code = ['99213', '10021', '71046'][(d * 3 + a) % 3]!;
      lines.push(`CSV-E${d}-${a},CSV-P${d},${day},${quoted(department)},${code},${amount}`);
    }),
  );
  return lines.join('\n');
}

const BASE = 'groupBy=period,department,code&grain=day&from=2024-02-28&to=2024-03-07&suppress=false';
const QUERIES = [
  `measures=lines,units,charges,allowed,paid&${BASE}`,
  `measures=charges,lines&${BASE}&bom=true`,
  `measures=lines,charges&${BASE}&orderBy=-charges&limit=7`,
  `measures=lines,encounters,patients,charges&groupBy=department,period&grain=week&from=2024-01-01&to=2024-06-30&suppress=false&orderBy=department`,
];

describe('CSV lines written by PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const status = await t.importCsv(fixtureCsv(), 'awkward-labels.csv');
    expect(status).toMatchObject({ status: 'completed', rowsLoaded: DEPARTMENTS.length * AMOUNTS.length, rowsRejected: 0 });
    t.app.get(ExportService).streamAboveRows = 0;
  }, 60_000);
  afterAll(() => t.close());

  it.each(QUERIES)('are the CSV writer’s file byte for byte: %s', async (query) => {
    const service = t.app.get(ExportService);
    const openCsv = jest.spyOn(t.app.get(ExportRowsRepository), 'openCsv');
    try {
      const fromDatabase = await downloadOk(t, `${query}&format=csv`);
      expect(openCsv).toHaveBeenCalledTimes(1);
      service.csvFromDatabase = false;
      const fromWriter = await downloadOk(t, `${query}&format=csv`);
      expect(openCsv).toHaveBeenCalledTimes(1);
      expect(fromDatabase.bytes.length).toBeGreaterThan(200);
      expect(fromDatabase.bytes.toString('utf8')).toBe(fromWriter.bytes.toString('utf8'));
    } finally {
      service.csvFromDatabase = true;
      openCsv.mockRestore();
    }
  });

  it('neutralises and quotes the labels as the writer does', async () => {
    const text = (await downloadOk(t, `measures=lines,charges&${BASE}&format=csv`)).bytes.toString('utf8');
    expect(text).toContain("\r\n2024-03-01,'=SUM(A1),");
    expect(text).toContain(',"a,b",');
    expect(text).toContain(',"say ""hi""",');
    expect(text).toContain(",'-minus,");
    expect(text).toContain(',back\\slash,');
    expect(text).toContain(',Été €,');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('leaves a CSV with a ratio to the writer', async () => {
    const openCsv = jest.spyOn(t.app.get(ExportRowsRepository), 'openCsv');
    try {
      const file = await download(t, `measures=lines,denial_rate&${BASE}&format=csv`);
      expect(file.status).toBe(200);
      expect(openCsv).not.toHaveBeenCalled();
    } finally {
      openCsv.mockRestore();
    }
  });
});

