import type { AggregateValue } from '@caseload/contracts';
import { columnBatchOf, columnKinds } from '../../export-columns.js';
import type { ExportColumn, ExportTable } from '../../export-table.js';
import { csvLine, csvStream, writeCsv } from '../csv-writer.js';
import { collecting } from './collecting-sink.js';

const COLUMNS: ExportColumn[] = [
  { key: 'period', label: 'Period', unit: 'label' },
  { key: 'department', label: 'Department', unit: 'label' },
  { key: 'lines', label: 'Lines', unit: 'count' },
  { key: 'charges', label: 'Charges', unit: 'money' },
  { key: 'denial_rate', label: 'Denial rate', unit: 'rate' },
];

const ROWS: AggregateValue[][] = [
  ['2025-01-01', 'CARD', 3, 1234.5, 0.25],
  ['2025-01-02', '=HYPERLINK("x")', 0, 0, null],
  ['2025-01-03', 'a,b "c"\r\nd', -7, -0.05, 1 / 3],
  ['2025-01-04', null, 2 ** 53, 1e21, 1e-7],
  ['2025-01-05', 'Zürich – 東京 🙂', 12, 99999999999.99, 0.1 + 0.2],
];
const TOTALS: AggregateValue[] = ['Total', '', 1_000_000, 123.45, 0.5];

async function written(batches: AggregateValue[][][]): Promise<string> {
  const { sink, bytes } = collecting();
  const kinds = columnKinds(COLUMNS);
  const rows = await writeCsv(COLUMNS, (async function* () {
    for (const batch of batches) yield columnBatchOf(kinds, batch);
  })(), TOTALS, true, sink);
  expect(rows).toBe(batches.flat().length);
  return bytes().toString('utf8');
}

describe('writeCsv', () => {
  it('writes each row as csvLine writes it, CRLF after each, the header first and the totals last', async () => {
    const text = await written([ROWS.slice(0, 2), ROWS.slice(2)]);
    const expected = ['\uFEFFperiod,department,lines,charges,denial_rate', ...ROWS.map(csvLine), csvLine(TOTALS), ''].join('\r\n');
    expect(text).toBe(expected);
    expect(text).toContain("\r\n2025-01-02,\"'=HYPERLINK(\"\"x\"\")\",0,0,\r\n");
    expect(text).toContain('\r\n2025-01-04,,9007199254740992,1000000000000000000000,0.0000001\r\n');
  });

  it('writes the same file from a table in memory', async () => {
    const table: ExportTable = { columns: COLUMNS, rows: ROWS, blanked: ROWS.map((row) => row.map(() => false)), totals: TOTALS, totalsBlanked: TOTALS.map(() => false) };
    const chunks: Buffer[] = [];
    for await (const chunk of csvStream(table, true)) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(await written([ROWS]));
  });
});
