import { tableFromIPC } from 'apache-arrow';
import type { ExportManifest } from '../../export-manifest.js';
import { columnBatchOf, columnKinds } from '../../export-columns.js';
import type { ExportColumn, RowBatch } from '../../export-table.js';
import { writeArrow } from '../arrow-writer.js';
import { collecting } from './collecting-sink.js';

const COLUMNS: ExportColumn[] = [
  { key: 'period', label: 'Period', unit: 'label' },
  { key: 'provider', label: 'Provider', unit: 'label' },
  { key: 'lines', label: 'Lines', unit: 'count' },
  { key: 'charges', label: 'Charges', unit: 'money' },
];

const MANIFEST = { title: 'Lines, Charges by period and provider', rowCount: null } as unknown as ExportManifest;

describe('writeArrow', () => {
  it('writes each batch as a record batch whose values, nulls and text read back as given', async () => {
    const first: RowBatch = [
      ['2025-01-01', '1234567890', 3, 1234.5],
      ['2025-01-02', null, 0, null],
      ['2025-01-03', 'Zürich – 東京 🙂', -7, 0.1 + 0.2],
    ];
    const second: RowBatch = Array.from({ length: 2_500 }, (_, r) => [`2025-02-${String((r % 28) + 1).padStart(2, '0')}`, r % 11 === 0 ? '' : `P${r}`, r, r % 5 === 0 ? null : r / 4]);
    const { sink, bytes } = collecting();
    const kinds = columnKinds(COLUMNS);
    const written = await writeArrow(COLUMNS, (async function* () {
      yield columnBatchOf(kinds, first);
      yield columnBatchOf(kinds, second);
    })(), ['Total', null, 99, 12.5], MANIFEST, sink);
    expect(written).toBe(2_503);

    const table = tableFromIPC(bytes());
    expect(table.batches).toHaveLength(2);
    expect(table.numRows).toBe(2_503);
    const read = table.toArray().map((row) => COLUMNS.map((column) => row[column.key] as unknown));
    expect(read).toEqual([...first, ...second]);
    expect(JSON.parse(table.schema.metadata.get('caseload:totals')!)).toEqual({ lines: 99, charges: 12.5 });
  });
});
