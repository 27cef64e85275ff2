import type { AggregateValue } from '@caseload/contracts';
import { formatCompactMoney, formatCompactNumber, formatPercent, type MeasureUnit } from '@caseload/domain';
import type { ExportColumn } from '../export-table.js';

// The chart of a PDF report, drawn with PDF vector operations (lines, rectangles, text), so it
// prints sharp at any size and its labels stay text: a line per series over time when the
// answer is by period, else bars for the largest categories. The colours are Okabe–Ito's,
// which readers with colour-vision deficiencies tell apart; series also differ by dash.

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
const DASHES: Array<[number, number] | null> = [null, [4, 2], [1, 2], [6, 3], [2, 2], [8, 3]];
/** Series drawn at most; the rest are left to the table. */
export const MAX_SERIES = PALETTE.length;
/** Bars drawn at most: the largest. */
export const MAX_BARS = 15;

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartData {
  kind: 'line' | 'bar';
  /** What is drawn, e.g. "Lines by month, by department (the 6 largest)". */
  title: string;
  unit: MeasureUnit;
  /** Line: the periods, oldest first; bar: the categories, largest first. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

function tick(unit: MeasureUnit, value: number): string {
  switch (unit) {
    case 'money':
      return formatCompactMoney(value);
    case 'rate':
      return formatPercent(value);
    default:
      return formatCompactNumber(value);
  }
}

/** A round step so that max fits in about `count` steps: 1, 2 or 5 × 10^n. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

const label = (value: AggregateValue) => (value === null ? '(none)' : String(value));

/**
 * What to draw for the table: the first measure, over the periods when there is a period
 * column (one line per combination of the other labels, the largest first), else over the
 * first label's categories. Null when there is nothing to draw (no label column, or no
 * measure, or no value).
 */
export function chartData(columns: readonly ExportColumn[], rows: readonly AggregateValue[][], grain: string): ChartData | null {
  const measureAt = columns.findIndex((column) => column.unit !== 'label');
  const labelAts = columns.flatMap((column, i) => (column.unit === 'label' ? [i] : []));
  if (measureAt < 0 || labelAts.length === 0 || rows.length === 0) return null;
  const measure = columns[measureAt]!;
  const unit = measure.unit as MeasureUnit;
  const value = (row: readonly AggregateValue[]) => (typeof row[measureAt] === 'number' ? (row[measureAt] as number) : null);
  const periodAt = columns.findIndex((column) => column.key === 'period');

  if (periodAt >= 0) {
    const others = labelAts.filter((i) => i !== periodAt);
    const periods = [...new Set(rows.map((row) => label(row[periodAt]!)))].sort();
    const seriesOf = (row: readonly AggregateValue[]) => (others.length === 0 ? measure.label : others.map((i) => label(row[i]!)).join(' · '));
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(seriesOf(row), (totals.get(seriesOf(row)) ?? 0) + (value(row) ?? 0));
    const kept = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_SERIES).map(([name]) => name);
    const series = kept.map((name) => ({ name, values: periods.map(() => null as number | null) }));
    for (const row of rows) {
      const s = kept.indexOf(seriesOf(row));
      if (s >= 0) series[s]!.values[periods.indexOf(label(row[periodAt]!))] = value(row);
    }
    const by = others.length === 0 ? '' : `, by ${others.map((i) => columns[i]!.label.toLowerCase()).join(' and ')}${totals.size > MAX_SERIES ? ` (the ${MAX_SERIES} largest of ${totals.size})` : ''}`;
    return { kind: 'line', title: `${measure.label} by ${grain.replace('_', ' ')}${by}`, unit, categories: periods, series };
  }

  const first = labelAts[0]!;
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(label(row[first]!), (sums.get(label(row[first]!)) ?? 0) + (value(row) ?? 0));
  const bars = [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_BARS);
  if (bars.length === 0) return null;
  const more = sums.size > MAX_BARS ? ` (the ${MAX_BARS} largest of ${sums.size})` : '';
  return { kind: 'bar', title: `${measure.label} by ${columns[first]!.label.toLowerCase()}${more}`, unit, categories: bars.map(([name]) => name), series: [{ name: measure.label, values: bars.map(([, sum]) => sum) }] };
}

/** Draws the chart in the box: title, axes with round ticks, gridlines, the marks and a legend. */
export function drawChart(doc: PDFKit.PDFDocument, chart: ChartData, box: ChartBox): void {
  const titleHeight = 16;
  const legendHeight = chart.series.length > 1 ? 14 * Math.ceil(chart.series.length / 3) : 0;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#1a1a1a').text(chart.title, box.x, box.y, { width: box.width, lineBreak: false, ellipsis: true });
  const values = chart.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const step = niceStep(Math.max(max - min, Number.EPSILON));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const bottom = Math.min(0, Math.floor(min / step) * step);

  if (chart.kind === 'bar') {
    drawBars(doc, chart, { x: box.x, y: box.y + titleHeight, width: box.width, height: box.height - titleHeight }, top, step);
    return;
  }
  const axisWidth = 48;
  const plot = { x: box.x + axisWidth, y: box.y + titleHeight + 4, width: box.width - axisWidth - 8, height: box.height - titleHeight - 4 - 16 - legendHeight };
  const yOf = (v: number) => plot.y + plot.height - ((v - bottom) / (top - bottom)) * plot.height;
  doc.font('Helvetica').fontSize(7);
  for (let v = bottom; v <= top + step / 2; v += step) {
    const y = yOf(v);
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(0.4).strokeColor('#d0d5db').stroke();
    doc.fillColor('#555555').text(tick(chart.unit, v), box.x, y - 3.5, { width: axisWidth - 6, align: 'right', lineBreak: false });
  }
  const n = chart.categories.length;
  const xOf = (i: number) => plot.x + (n === 1 ? plot.width / 2 : (i / (n - 1)) * plot.width);
  const every = Math.max(1, Math.ceil(n / 12));
  chart.categories.forEach((category, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    doc.fillColor('#555555').text(category, xOf(i) - 30, plot.y + plot.height + 4, { width: 60, align: 'center', lineBreak: false });
  });
  chart.series.forEach((series, s) => {
    const color = PALETTE[s % PALETTE.length]!;
    doc.lineWidth(1.4).strokeColor(color);
    const dash = DASHES[s % DASHES.length];
    if (dash) doc.dash(dash[0], { space: dash[1] });
    else doc.undash();
    let drawing = false;
    series.values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(i), yOf(v));
      else doc.moveTo(xOf(i), yOf(v));
      drawing = true;
    });
    doc.stroke().undash();
    // A lone point between gaps would not show as a line: mark every point.
    series.values.forEach((v, i) => {
      if (v !== null) doc.circle(xOf(i), yOf(v), 1.3).fillColor(color).fill();
    });
  });
  if (legendHeight > 0) {
    const legendTop = plot.y + plot.height + 18;
    const column = box.width / 3;
    chart.series.forEach((series, s) => {
      const x = box.x + (s % 3) * column;
      const y = legendTop + Math.floor(s / 3) * 14;
      const dash = DASHES[s % DASHES.length];
      doc.lineWidth(1.6).strokeColor(PALETTE[s % PALETTE.length]!);
      if (dash) doc.dash(dash[0], { space: dash[1] });
      doc.moveTo(x, y + 4).lineTo(x + 16, y + 4).stroke().undash();
      doc.font('Helvetica').fontSize(7.5).fillColor('#1a1a1a').text(series.name, x + 20, y, { width: column - 24, lineBreak: false, ellipsis: true });
    });
  }
  doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
}

function drawBars(doc: PDFKit.PDFDocument, chart: ChartData, box: ChartBox, top: number, step: number): void {
  const labelWidth = Math.min(140, box.width * 0.3);
  const valueWidth = 56;
  const plot = { x: box.x + labelWidth, width: box.width - labelWidth - valueWidth };
  const n = chart.categories.length;
  const band = Math.min(16, box.height / n);
  const values = chart.series[0]!.values;
  doc.font('Helvetica').fontSize(7);
  for (let v = 0; v <= top + step / 2; v += step) {
    const x = plot.x + (v / top) * plot.width;
    doc.moveTo(x, box.y).lineTo(x, box.y + band * n).lineWidth(0.4).strokeColor('#d0d5db').stroke();
  }
  chart.categories.forEach((category, i) => {
    const y = box.y + i * band;
    const v = values[i] ?? 0;
    doc.fillColor('#1a1a1a').text(category, box.x, y + band / 2 - 3.5, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    const width = top > 0 ? Math.max(0, (v / top) * plot.width) : 0;
    doc.rect(plot.x, y + band * 0.15, width, band * 0.7).fillColor(PALETTE[0]!).fill();
    doc.fillColor('#1a1a1a').text(tick(chart.unit, v), plot.x + width + 4, y + band / 2 - 3.5, { width: valueWidth, lineBreak: false });
  });
  doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
}

/** Height a chart takes on the page. */
export function chartHeight(chart: ChartData): number {
  if (chart.kind === 'bar') return 16 + Math.min(16, 220 / chart.categories.length) * chart.categories.length + 8;
  return 220 + (chart.series.length > 1 ? 14 * Math.ceil(chart.series.length / 3) : 0);
}

export interface Kpi {
  label: string;
  value: string;
}

/** The totals as headline figures, one box each, up to six in a row. */
export function drawKpis(doc: PDFKit.PDFDocument, kpis: readonly Kpi[], box: Omit<ChartBox, 'height'>): number {
  const shown = kpis.slice(0, 6);
  if (shown.length === 0) return 0;
  const gap = 8;
  const width = (box.width - gap * (shown.length - 1)) / shown.length;
  const height = 40;
  shown.forEach((kpi, i) => {
    const x = box.x + i * (width + gap);
    doc.roundedRect(x, box.y, width, height, 3).lineWidth(0.6).strokeColor('#c5ccd4').stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor('#555555').text(kpi.label, x + 6, box.y + 6, { width: width - 12, lineBreak: false, ellipsis: true });
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#1a1a1a').text(kpi.value, x + 6, box.y + 19, { width: width - 12, lineBreak: false, ellipsis: true });
  });
  doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
  return height;
}
