// The rejections download hands the sender's own text back as CSV. A spreadsheet opening it
// must show that text, never evaluate it: a cell starting with = + - @, a tab or a carriage
// return gets a leading apostrophe (OWASP's rule for CSV injection). The JSON answer is the
// text as it was; the patient id stays masked in both.
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { rejectionsOf } from './import-fixtures.js';

// Row 2 loads. Rows 3–8 are rejected, each led by an encounter id a spreadsheet would run as a
// formula and carrying formula-like text in payer too: rows 3–5, 7 and 8 for a negative charge,
// row 6 for its date.
const CSV = [
  'encounter_id,patient_id,service_date,department,code,charge_amount,payer',
  'FI-E1,PT8001,2023-05-01,CARD,99213,10.00,Acme Health',
  '"=HYPERLINK(""http://x"")",PT8002,2023-05-02,CARD,99213,-2.00,+1',
  '+1,PT8003,2023-05-03,CARD,99213,-2.00,@SUM(A1)',
  '-2,PT8004,2023-05-04,CARD,99213,-2.00,"=HYPERLINK(""http://x"")"',
  '@SUM(A1),PT8005,not a date,CARD,99213,5.00,-2',
  '"\t=1+1",PT8006,2023-05-06,CARD,99213,-2.00,Acme Health',
  '=SUM(A1:A9),PT8007,2023-05-07,CARD,99213,-2.00,=1+1',
].join('\n');

const DANGEROUS_START = /^[=+\-@\t\r]/;

describe('rejections download: formula injection', () => {
  let t: TestApp;
  let importId: number;
  beforeAll(async () => {
    t = await startTestApp();
    const status = await t.importCsv(CSV, 'formulas.csv');
    expect(status).toMatchObject({ status: 'completed', rowsLoaded: 1, rowsRejected: 6 });
    importId = status.id;
  }, 60_000);
  afterAll(() => t.close());

  async function download(): Promise<string[][]> {
    const response = await t.get(`/api/v1/imports/${importId}/rejections?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    return parse(await response.text(), { relax_column_count: false }) as string[][];
  }

  it('answers JSON with the raw text as sent, the patient id masked', async () => {
    const rejections = await rejectionsOf(t, importId);
    expect(rejections.map((r) => [r.rowNumber, r.column])).toEqual([
      [3, 'charge_amount'],
      [4, 'charge_amount'],
      [5, 'charge_amount'],
      [6, 'service_date'],
      [7, 'charge_amount'],
      [8, 'charge_amount'],
    ]);
    // The raw text is the row written out again: a field holding a quote is quoted, a tab is not.
    expect(rejections.map((r) => r.raw.slice(0, 3))).toEqual(['"=H', '+1,', '-2,', '@SU', '\t=1', '=SU']);
    for (const rejection of rejections) expect(rejection.raw).not.toMatch(/PT80\d\d/);
  });

  it('prefixes every cell that would start a formula with an apostrophe, and leaves the others alone', async () => {
    const rejections = await rejectionsOf(t, importId);
    const [header, ...rows] = await download();
    expect(header).toEqual(['row_number', 'column', 'reason', 'raw']);
    expect(rows).toHaveLength(rejections.length);
    rows.forEach((cells, i) => {
      const json = rejections[i]!;
      const expected = [String(json.rowNumber), json.column ?? '', json.reason, json.raw].map((cell) => (DANGEROUS_START.test(cell) ? `'${cell}` : cell));
      expect(cells).toEqual(expected);
      for (const cell of cells) expect(cell).not.toMatch(DANGEROUS_START);
    });
    // Row 3's raw text starts with the quote of its first field, which a spreadsheet shows as
    // text; rows 4–8 start with + - @ tab = and are prefixed.
    expect(rows.map((cells) => cells[3]!.slice(0, 3))).toEqual(['"=H', "'+1", "'-2", "'@S", "'\t=", "'=S"]);
    expect(rows[0]![3]).toContain('"=HYPERLINK(""http://x"")"');
  });

  it('keeps negative amounts readable in the reasons', async () => {
    const [, ...rows] = await download();
    const reasons = rows.filter((cells) => cells[1] === 'charge_amount').map((cells) => cells[2]!);
    expect(reasons).toHaveLength(5);
    for (const reason of reasons) {
      expect(reason).toMatch(/^charge_amount must not be negative/);
      expect(reason).toContain('"-2.00"');
    }
  });

  it('keeps the patient id masked in the download', async () => {
    const text = await (await t.get(`/api/v1/imports/${importId}/rejections?format=csv`)).text();
    expect(text).not.toMatch(/PT80\d\d/);
  });
});
