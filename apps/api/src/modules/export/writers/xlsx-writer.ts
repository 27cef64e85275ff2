import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AggregateValue } from '@caseload/contracts';
import type { MeasureUnit } from '@caseload/domain';
import type { ExportManifest } from '../export-manifest.js';
import { manifestEntries } from '../export-manifest.js';
import { drained, type ExportSink } from '../export-sink.js';
import { batchRows, columnBatchOf, columnKinds, isNull, type ColumnBatch } from '../export-columns.js';
import type { ExportColumn, ExportTable } from '../export-table.js';
import { TextBytes } from './text-bytes.js';

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

/** A row's own style (what its cells start from, and its `<row s=…>`): there at run time, missing from exceljs's typings. */
type StyledRow = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

/**
 * exceljs 4.4's WorksheetWriter, as far as writing rows past it goes: the sheet's XML stream, the
 * number of the next row, and the rows not yet committed.
 */
interface SheetInternals {
  stream: { write(xml: Buffer): unknown };
  _rowZero: number;
  _rows: unknown[];
}

interface StyleRegistry {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType?: ExcelJS.ValueType): number;
}

function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/**
 * Writes data rows as the XML exceljs itself would write for them (a cell per value: a number
 * with its column's number format, a string inline as `t="str"`, a null as an empty cell that
 * keeps the format), a batch at a time, straight into the sheet's stream. exceljs builds a Row,
 * a Cell per value, their models and an XML node tree for every row, which holds a 2-core server
 * to ~60k rows a second; here each batch's XML is written as bytes into one reused buffer (see
 * TextBytes), which the sheet's stream copies as it takes it. Falls back to exceljs's own rows
 * when the writer does not look like the one this was written against.
 */
export function rowWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  data: ExcelJS.Worksheet,
  columns: readonly ExportColumn[],
  exceljsRows = false,
): { direct: boolean; write(batch: ColumnBatch): void } {
  const sheet = data as unknown as Partial<SheetInternals>;
  const registry = (workbook as unknown as { styles?: Partial<StyleRegistry> }).styles;
  const styles: Array<Partial<ExcelJS.Style>> = columns.map((column) => (column.unit === 'label' ? {} : { numFmt: NUMBER_FORMATS[column.unit] }));
  const direct =
    !exceljsRows &&
    typeof sheet.stream?.write === 'function' && typeof sheet._rowZero === 'number' && Array.isArray(sheet._rows) && sheet._rows.length === 0 && typeof registry?.addStyleModel === 'function';
  if (!direct) {
    // A style object per column shared by its cells, one for all the rows: exceljs finds a style
    // it has seen by identity, and serialises any other to XML to look it up.
    const rowStyle: Partial<ExcelJS.Style> = {};
    return {
      direct: false,
      write(batch) {
        for (const values of batchRows(batch)) {
          const row = data.addRow(values) as StyledRow;
          row.style = rowStyle;
          for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c]!;
          row.commit();
        }
      },
    };
  }
  const { stream } = sheet as SheetInternals;
  const markup = (text: string) => Buffer.from(text, 'utf8');
  const rowOpen = markup('<row r="');
  const rowRest = markup(`" spans="1:${columns.length}" x14ac:dyDescent="0.25">`);
  const rowClose = markup('</row>');
  const cells = columns.map((column, c) => {
    const id = registry.addStyleModel!(styles[c]!, column.unit === 'label' ? ExcelJS.ValueType.String : ExcelJS.ValueType.Number);
    const s = id === 0 ? '' : ` s="${id}"`;
    return { open: markup(`<c r="${columnLetters(c + 1)}`), number: markup(`"${s}><v>`), text: markup(`"${s} t="str"><v>`), empty: s === '' ? null : markup(`"${s}/>`) };
  });
  const valueClose = markup('</v></c>');
  const xml = new TextBytes();
  return {
    direct: true,
    write(batch) {
      let r = (sheet as SheetInternals)._rowZero;
      xml.reset();
      for (let row = 0; row < batch.length; row++, r++) {
        xml.raw(rowOpen);
        xml.integer(r);
        xml.raw(rowRest);
        for (let c = 0; c < batch.columns.length; c++) {
          const column = batch.columns[c]!;
          const cell = cells[c]!;
          const empty = isNull(column, row);
          if (empty && cell.empty === null) continue;
          xml.raw(cell.open);
          xml.integer(r);
          if (empty) {
            xml.raw(cell.empty!);
          } else if (column.kind === 'number') {
            xml.raw(cell.number);
            xml.number(column.values[row]!);
            xml.raw(valueClose);
          } else {
            xml.raw(cell.text);
            xml.xmlText(column.bytes, column.offsets[row]!, column.offsets[row + 1]!);
            xml.raw(valueClose);
          }
        }
        xml.raw(rowClose);
      }
      // Piped to the zip, the sheet's stream copies what it is given at once; before that it
      // keeps it, so it gets its own copy.
      if (xml.size > 0) stream.write(sheetBacklog(data) === null ? Buffer.from(xml.view()) : xml.view());
      (sheet as SheetInternals)._rowZero = r;
    },
  };
}

export interface XlsxOptions {
  /** Data rows through exceljs's own Row and Cell objects (the slow path; tests compare the two). */
  exceljsRows?: boolean;
}

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
  batches: AsyncIterable<ColumnBatch>,
  totals: AggregateValue[] | null,
  manifest: (rows: number) => ExportManifest,
  output: PassThrough,
  options: XlsxOptions = {},
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
  const sheetXml = rowWriter(workbook, data, columns, options.exceljsRows === true);
  let rows = 0;
  for await (const batch of batches) {
    sheetXml.write(batch);
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

async function* once(batch: ColumnBatch): AsyncGenerator<ColumnBatch> {
  yield batch;
}

/** A table already in memory as a workbook stream. */
export function xlsxStream(table: ExportTable, manifest: ExportManifest): Readable {
  const output = new PassThrough();
  writeWorkbook(table.columns, once(columnBatchOf(columnKinds(table.columns), table.rows)), table.totals, () => manifest, output).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

/**
 * Batches of columns (see CopyColumnReader) as a workbook, written to the sink as it is zipped; `manifest` is asked once
 * the rows are written, with their count. Answers the rows written.
 */
export async function writeXlsx(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ColumnBatch>,
  totals: AggregateValue[] | null,
  manifest: (rows: number) => ExportManifest,
  sink: ExportSink,
  options: XlsxOptions = {},
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
  const writing = writeWorkbook(columns, batches, totals, manifest, output, options);
  writing.catch(() => output.destroy());
  const rows = await Promise.race([writing, abandoned]);
  await Promise.race([copying, abandoned]);
  return rows;
}
