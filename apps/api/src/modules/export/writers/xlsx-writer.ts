import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AggregateValue } from '@caseload/contracts';
import type { MeasureUnit } from '@caseload/domain';
import type { ExportManifest } from '../export-manifest.js';
import { manifestEntries } from '../export-manifest.js';
import { drained, type ExportSink } from '../export-sink.js';
import type { ExportColumn, ExportTable, RowBatch } from '../export-table.js';

const NUMBER_FORMATS: Record<MeasureUnit, string> = {
  count: '#,##0',
  money: '$#,##0.00',
  rate: '0.0%',
  rvu: '#,##0.00',
  minutes: '#,##0',
};

/**
 * exceljs pipes each sheet's XML into the zip without waiting for it, so a writer faster than
 * deflate would pile the XML up in memory. The zip reads a sheet through a stream of its own
 * (the sheet stream's first pipe): its backlog is what to wait on. Null until the zip has
 * started on the sheet.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): { stream: Writable; bytes: () => number } | null {
  const target = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as (Writable & { _writableState?: { length?: number } }) | undefined;
  if (target === undefined || typeof target.on !== 'function') return null;
  return { stream: target, bytes: () => target.writableLength ?? target._writableState?.length ?? 0 };
}

/** XML the zip may have waiting before the rows are held back. */
const MAX_SHEET_BACKLOG = 4 * 2 ** 20;

function width(label: string, unit: MeasureUnit | 'label'): number {
  return Math.min(40, Math.max(label.length + 2, unit === 'label' ? 14 : unit === 'money' ? 16 : 12));
}

/**
 * The streaming workbook writer: a "Data" sheet with typed numbers, number formats, a frozen
 * header row and widths; a "Manifest" sheet, written after the rows (so it can count them),
 * saying what the file is. Rows are committed batch by batch; after each batch the writer waits
 * while `output` is full, so a slow reader holds the rows back rather than memory filling up.
 * Answers the rows written.
 */
async function writeWorkbook(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<RowBatch>,
  totals: AggregateValue[] | null,
  manifest: (rows: number) => ExportManifest,
  output: PassThrough,
): Promise<number> {
  // Level 1 deflate: most of the size saved at a fraction of the time the default level takes.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = 'Caseload';
  const data = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((column) => ({
    header: column.label,
    key: column.key,
    width: width(column.label, column.unit),
    ...(column.unit === 'label' ? {} : { style: { numFmt: NUMBER_FORMATS[column.unit] } }),
  }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).commit();
  // One style object per column, shared by its cells: exceljs recognises a style object it has
  // seen and reuses its id, where a copy per cell would be serialised again for every cell.
  const styles: Array<Partial<ExcelJS.Style>> = columns.map((column) => (column.unit === 'label' ? {} : { numFmt: NUMBER_FORMATS[column.unit] }));
  let rows = 0;
  for await (const batch of batches) {
    for (const values of batch) {
      const row = data.addRow(values);
      for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c]!;
      row.commit();
    }
    rows += batch.length;
    const backlog = sheetBacklog(data);
    // The output closing (the client went away) ends the wait too: the zip would never drain.
    while (backlog !== null && backlog.bytes() > MAX_SHEET_BACKLOG) await drained(backlog.stream, output);
    if (output.destroyed || output.writableNeedDrain) await drained(output);
  }
  if (totals !== null) {
    const row = data.addRow(totals);
    row.font = { bold: true };
    row.commit();
  }
  data.commit();

  const sheet = workbook.addWorksheet('Manifest');
  sheet.columns = [
    { header: 'Item', key: 'item', width: 22 },
    { header: 'Value', key: 'value', width: 110 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [item, value] of manifestEntries(manifest(rows))) {
    const row = sheet.addRow([item, value]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

async function* once(rows: RowBatch): AsyncGenerator<RowBatch> {
  yield rows;
}

/** A table already in memory as a workbook stream. */
export function xlsxStream(table: ExportTable, manifest: ExportManifest): Readable {
  const output = new PassThrough();
  writeWorkbook(table.columns, once(table.rows), table.totals, () => manifest, output).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

/**
 * Batches of rows as a workbook, written to the sink as it is zipped; `manifest` is asked once
 * the rows are written, with their count. Answers the rows written.
 */
export async function writeXlsx(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<RowBatch>,
  totals: AggregateValue[] | null,
  manifest: (rows: number) => ExportManifest,
  sink: ExportSink,
): Promise<number> {
  const output = new PassThrough();
  const copying = sink.pipeFrom(output);
  // A client that goes away stops the copy: close the workbook's stream and stop waiting for the
  // writer (which may be waiting for a zip that nobody reads any more).
  const abandoned = new Promise<never>((_, reject) =>
    copying.catch((error: unknown) => {
      output.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    }),
  );
  const writing = writeWorkbook(columns, batches, totals, manifest, output);
  writing.catch(() => output.destroy());
  const rows = await Promise.race([writing, abandoned]);
  await Promise.race([copying, abandoned]);
  return rows;
}
