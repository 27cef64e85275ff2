import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportManifest } from '../../export-manifest.js';
import { ExportSink } from '../../export-sink.js';
import { collecting } from './collecting-sink.js';
import { columnBatchOf, columnKinds, type ColumnBatch } from '../../export-columns.js';
import type { ExportColumn, RowBatch } from '../../export-table.js';
import { rowWriter, writeXlsx } from '../xlsx-writer.js';

const COLUMNS: ExportColumn[] = [
  { key: 'period', label: 'Period', unit: 'label' },
  { key: 'department', label: 'Department', unit: 'label' },
  { key: 'encounters', label: 'Encounters', unit: 'count' },
  { key: 'charges', label: 'Charges', unit: 'money' },
  { key: 'denial_rate', label: 'Denial rate', unit: 'rate' },
];

const MANIFEST: ExportManifest = {
  title: 'Encounters, Charges, Denial rate by period and department',
  format: 'xlsx',
  measures: ['encounters', 'charges', 'denial_rate'],
  groupBy: ['period', 'department'],
  grain: 'day',
  from: '2025-01-01',
  to: '2025-01-31',
  filters: {},
  orderBy: null,
  limit: null,
  compare: null,
  dataAsOf: null,
  dataVersion: 'imports:0:0',
  generatedAt: '2025-02-01T00:00:00.000Z',
  generatedBy: 'analyst@example.test',
  rowCount: null,
  rowsLeftOut: 0,
  suppression: { requested: true, applied: false, decidedBy: [], blankedCells: 0, blankedTotals: 0, rule: 'no rule' },
};

function rowAt(r: number): RowBatch[number] {
  return [`2025-01-${String((r % 31) + 1).padStart(2, '0')}`, `DEPT${r % 7}`, r, 1234.5 + r, (r % 10) / 10];
}

const KINDS = columnKinds(COLUMNS);

function batchOf(rows: RowBatch): ColumnBatch {
  return columnBatchOf(KINDS, rows);
}

async function* batchesOf(rows: number, size: number, pulled?: { batches: number }): AsyncGenerator<ColumnBatch> {
  for (let start = 0; start < rows; start += size) {
    if (pulled !== undefined) pulled.batches++;
    yield batchOf(Array.from({ length: Math.min(size, rows - start) }, (_, i) => rowAt(start + i)));
  }
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('writeXlsx', () => {
  it('writes typed numbers with their column formats under a bold frozen header, then a bold totals row', async () => {
    const { sink, bytes } = collecting();
    const rows = [...Array.from({ length: 2_500 }, (_, r) => rowAt(r)), ['2025-01-31', 'RAD', null, null, null]];
    const batches = (async function* () {
      yield batchOf(rows.slice(0, 1_000));
      yield batchOf(rows.slice(1_000));
    })();
    const written = await writeXlsx(COLUMNS, batches, ['Total', '', 3_123_750, 6_211_125, 0.45], (count) => ({ ...MANIFEST, rowCount: count }), sink);
    expect(written).toBe(2_501);

    const data = (await workbookOf(bytes())).getWorksheet('Data')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getRow(1).values).toEqual([undefined, 'Period', 'Department', 'Encounters', 'Charges', 'Denial rate']);
    expect(data.getCell('A1').font).toMatchObject({ bold: true });
    expect(data.rowCount).toBe(2_503);

    for (const r of [2, 1_001, 1_002, 2_501]) {
      const row = data.getRow(r);
      expect([1, 2, 3, 4, 5].map((c) => row.getCell(c).value)).toEqual(rowAt(r - 2));
      expect(row.getCell(3).numFmt).toBe('#,##0');
      expect(row.getCell(4).numFmt).toBe('$#,##0.00');
      expect(row.getCell(5).numFmt).toBe('0.0%');
      expect(row.getCell(1).font?.bold).toBeFalsy();
    }
    // A value left out (suppressed or undefined) stays an empty cell, not a zero.
    expect(data.getCell('C2502').value).toBeNull();

    const totals = data.getRow(2_503);
    expect([1, 2, 3, 4, 5].map((c) => totals.getCell(c).value)).toEqual(['Total', null, 3_123_750, 6_211_125, 0.45]);
    expect(totals.getCell(1).font).toMatchObject({ bold: true });
    expect(totals.getCell(4).font).toMatchObject({ bold: true });
    expect(totals.getCell(4).numFmt).toBe('$#,##0.00');
  });

  it('writes the data rows it builds itself exactly as exceljs would', async () => {
    // The exceljs this was written against: the rows are built directly, not by the fallback.
    const probe = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_chunk, _encoding, done) => done() }), useStyles: true });
    expect(rowWriter(probe, probe.addWorksheet('Data'), COLUMNS).direct).toBe(true);
    expect(rowWriter(probe, probe.addWorksheet('Other'), COLUMNS, true).direct).toBe(false);
    const awkward: RowBatch = [
      ['2025-01-01', 'A&B <"quoted"> \'x\'', 0, 0.1 + 0.2, 1],
      ['2025-01-02', 'tab\there, bell\u0007 and é', -12, 1e21, 1 / 3],
      ['2025-01-03', '', null, 123456789.12, null],
      ['2025-01-04', '=SUM(A1)', 2 ** 53, -0.005, 0],
    ];
    const files = await Promise.all(
      [{}, { exceljsRows: true }].map(async (options) => {
        const { sink, bytes } = collecting();
        await writeXlsx(COLUMNS, (async function* () {
          yield batchOf(awkward);
          yield batchOf([rowAt(7)]);
        })(), ['Total', '', 1, 2, 0.5], () => MANIFEST, sink, options);
        return workbookOf(bytes());
      }),
    );
    const cells = (workbook: ExcelJS.Workbook) => {
      const seen: unknown[] = [];
      workbook.getWorksheet('Data')!.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => seen.push([r, c, cell.type, cell.value, cell.numFmt ?? null, cell.font?.bold ?? false]));
      });
      return seen;
    };
    const [direct, exceljs] = files.map(cells);
    expect(direct).toHaveLength(exceljs!.length);
    expect(direct).toEqual(exceljs);
    expect(direct).toContainEqual([2, 2, ExcelJS.ValueType.String, 'A&B <"quoted"> \'x\'', null, false]);
  });

  it('ends with a Manifest sheet that counts the rows written', async () => {
    const { sink, bytes } = collecting();
    await writeXlsx(COLUMNS, batchesOf(4_321, 2_000), null, (count) => ({ ...MANIFEST, rowCount: count }), sink);
    const workbook = await workbookOf(bytes());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'Manifest']);
    const manifest = new Map<string, string>();
    workbook.getWorksheet('Manifest')!.eachRow((row, n) => {
      if (n > 1) manifest.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    expect(manifest.get('Export')).toBe(MANIFEST.title);
    expect(manifest.get('Rows')).toBe('4321');
    expect(workbook.getWorksheet('Data')!.rowCount).toBe(4_322);
  });

  it('stops taking rows while nobody reads the file, and gives up when the client goes away', async () => {
    let reads = 0;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      // Takes a few chunks, then never acknowledges another: a client that stopped reading.
      write(_chunk, _encoding, done) {
        if (++reads <= 4) done();
      },
    });
    const pulled = { batches: 0 };
    const writing = writeXlsx(COLUMNS, batchesOf(2_000_000, 2_000, pulled), null, (count) => ({ ...MANIFEST, rowCount: count }), new ExportSink(out));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const held = pulled.batches;
    // A few MB of sheet XML waiting for the zip, not the 1,000 batches on offer.
    expect(held).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pulled.batches).toBe(held);

    out.destroy();
    await expect(writing).rejects.toThrow(/abandoned|closed|destroyed|premature/i);
    expect(pulled.batches).toBe(held);
  });
});
