import PDFDocument from 'pdfkit';
import type { AggregateValue } from '@caseload/contracts';
import type { MeasureUnit } from '@caseload/domain';
import { filtersLine, manifestEntries, type ExportManifest } from '../export-manifest.js';
import type { ExportTable } from '../export-table.js';
import { chartData, chartHeight, drawChart, drawKpis, type Kpi } from './pdf-chart.js';

const MARGIN = 40;
const ROW_HEIGHT = 16;
const FONT_SIZE = 8.5;
const PORTRAIT_MAX_COLUMNS = 6;
/** Shown in a blanked cell; the note under the table says what it means. */
export const SUPPRESSED_MARK = '*';

const formats: Record<MeasureUnit, Intl.NumberFormat> = {
  count: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  money: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
  rate: new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  rvu: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  minutes: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};

function text(value: AggregateValue, unit: MeasureUnit | 'label', blanked: boolean): string {
  if (blanked) return SUPPRESSED_MARK;
  if (value === null) return unit === 'label' ? '(none)' : '';
  return typeof value === 'number' && unit !== 'label' ? formats[unit].format(value) : String(value);
}

/** The totals row (or the one row of an answer without group-by) as headline figures, blanked ones left out. */
function headlineFigures(table: ExportTable): Kpi[] {
  const values = table.totals ?? (table.rows.length === 1 ? table.rows[0]! : null);
  const blanked = table.totals === null ? table.blanked[0] : table.totalsBlanked;
  if (values === null) return [];
  return table.columns.flatMap((column, c) =>
    column.unit === 'label' || blanked?.[c] === true || values[c] === null ? [] : [{ label: column.label, value: text(values[c]!, column.unit, false) }],
  );
}

/**
 * A report: title, filters, the headline figures and a vector chart, the manifest, then the table paginated with its header repeated on
 * every page and page numbers in the footer; landscape when the table is wide.
 */
export function pdfStream(table: ExportTable, manifest: ExportManifest): PDFKit.PDFDocument {
  const landscape = table.columns.length > PORTRAIT_MAX_COLUMNS;
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `Caseload: ${manifest.title}`, Author: manifest.generatedBy, Creator: 'Caseload' },
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 24;

  doc.font('Helvetica-Bold').fontSize(16).text(manifest.title, MARGIN, MARGIN, { width });
  doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor('#444444');
  doc.text(`${manifest.from} to ${manifest.to}, by ${manifest.grain}. ${filtersLine(manifest)}.`, { width });
  doc.moveDown(0.6).fillColor('#000000');

  // The headline figures, then the chart: what a board reads before the table.
  const kpis = headlineFigures(table);
  if (kpis.length > 0) doc.y += drawKpis(doc, kpis, { x: MARGIN, y: doc.y, width }) + 14;
  const chart = chartData(table.columns, table.rows, manifest.grain);
  if (chart !== null) {
    const height = chartHeight(chart);
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    drawChart(doc, chart, { x: MARGIN, y: top, width, height });
    doc.y = top + height + 6;
    if (manifest.suppression.blankedCells > 0) {
      doc.font('Helvetica').fontSize(7.5).fillColor('#444444').text('Suppressed values are left out of the chart.', MARGIN, doc.y, { width });
      doc.fillColor('#000000');
    }
    doc.moveDown(0.8);
  }

  const labelWidth = 110;
  for (const [label, value] of manifestEntries(manifest).slice(1)) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8).text(label, MARGIN, y, { width: labelWidth - 8 });
    doc.font('Helvetica').fontSize(8).text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
    doc.moveDown(0.25);
  }
  doc.moveDown(0.8);

  const columnWidth = width / table.columns.length;
  const drawRow = (cells: string[], y: number, options: { bold?: boolean; fill?: string }) => {
    if (options.fill !== undefined) doc.rect(MARGIN, y, width, ROW_HEIGHT).fill(options.fill).fillColor('#000000');
    doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    cells.forEach((cell, c) => {
      const align = table.columns[c]!.unit === 'label' ? 'left' : 'right';
      doc.text(cell, MARGIN + c * columnWidth + 3, y + 4, { width: columnWidth - 6, align, lineBreak: false, ellipsis: true, height: ROW_HEIGHT });
    });
  };
  const header = () => {
    const y = doc.y;
    drawRow(table.columns.map((column) => column.label), y, { bold: true, fill: '#dde3ea' });
    doc.y = y + ROW_HEIGHT;
  };
  const addRow = (cells: string[], options: { bold?: boolean; fill?: string }) => {
    if (doc.y + ROW_HEIGHT > bottom()) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    const y = doc.y;
    drawRow(cells, y, options);
    doc.y = y + ROW_HEIGHT;
  };

  if (doc.y + 3 * ROW_HEIGHT > bottom()) doc.addPage();
  header();
  table.rows.forEach((row, r) => {
    addRow(row.map((value, c) => text(value, table.columns[c]!.unit, table.blanked[r]![c]!)), { fill: r % 2 === 1 ? '#f4f6f8' : undefined });
  });
  if (table.totals !== null) {
    const totals = table.totals;
    addRow(totals.map((value, c) => text(value, table.columns[c]!.unit, table.totalsBlanked![c]!)), { bold: true, fill: '#e8ecf0' });
  }
  if (table.rows.length === 0) addRow(['No rows match this query.', ...table.columns.slice(1).map(() => '')], {});
  if (manifest.rowsLeftOut > 0 && manifest.rowCount !== null) {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(8.5).fillColor('#000000');
    doc.text(
      `This report shows the first ${table.rows.length} of ${manifest.rowCount} rows: ${manifest.rowsLeftOut} rows were left out. ` +
        'The CSV, XLSX and Arrow exports of the same query carry every row.',
      MARGIN,
      doc.y,
      { width },
    );
  }
  if (manifest.suppression.applied) {
    doc.moveDown(0.6).font('Helvetica').fontSize(7.5).fillColor('#444444');
    doc.text(`${SUPPRESSED_MARK} Suppressed: a count of 1 to 10 patients or encounters, or a value blanked so that one cannot be worked out.`, MARGIN, doc.y, { width });
    doc.fillColor('#000000');
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footer = `Caseload, generated ${manifest.generatedAt} by ${manifest.generatedBy}. Page ${i + 1} of ${range.count}`;
    // Writing inside the bottom margin would add a page: lift the margin while the footer is drawn.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor('#666666').text(footer, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return doc;
}
