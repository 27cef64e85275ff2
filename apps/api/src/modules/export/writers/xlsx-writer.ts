import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { MeasureUnit } from '@caseload/domain';
import type { ExportManifest } from '../export-manifest.js';
import { manifestEntries } from '../export-manifest.js';
import type { ExportTable } from '../export-table.js';

const NUMBER_FORMATS: Record<MeasureUnit, string> = {
  count: '#,##0',
  money: '$#,##0.00',
  rate: '0.0%',
  rvu: '#,##0.00',
  minutes: '#,##0',
};

function width(label: string, unit: MeasureUnit | 'label'): number {
  return Math.min(40, Math.max(label.length + 2, unit === 'label' ? 14 : unit === 'money' ? 16 : 12));
}

/**
 * The streaming workbook writer, piped out as it goes: a "Data" sheet with typed numbers, number
 * formats, a frozen header row and widths; a "Manifest" sheet saying what the file is.
 */
export function xlsxStream(table: ExportTable, manifest: ExportManifest): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Caseload';
  void (async () => {
    const data = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
    data.columns = table.columns.map((column) => ({
      header: column.label,
      key: column.key,
      width: width(column.label, column.unit),
      ...(column.unit === 'label' ? {} : { style: { numFmt: NUMBER_FORMATS[column.unit] } }),
    }));
    data.getRow(1).font = { bold: true };
    data.getRow(1).commit();
    for (const row of table.rows) data.addRow(row).commit();
    if (table.totals !== null) {
      const totals = data.addRow(table.totals);
      totals.font = { bold: true };
      totals.commit();
    }
    data.commit();

    const sheet = workbook.addWorksheet('Manifest');
    sheet.columns = [
      { header: 'Item', key: 'item', width: 22 },
      { header: 'Value', key: 'value', width: 110 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const [item, value] of manifestEntries(manifest)) {
      const row = sheet.addRow([item, value]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
