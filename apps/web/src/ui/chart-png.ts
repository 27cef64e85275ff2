// A chart as a PNG file, drawn from the SVG that Recharts put on the page: no server round
// trip and no drawing library. The SVG's look comes from the stylesheet (CSS variables,
// classes), which an SVG drawn on its own would lose, so the computed values are written
// onto each element of a copy first.

/** Presentation properties an exported chart needs to look as it does on the page. */
const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Hover marks that would freeze into the picture if the pointer happened to be over the chart. */
const TRANSIENT_SELECTOR = '.recharts-tooltip-cursor, .recharts-active-dot, .recharts-tooltip-wrapper';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 16;
const TITLE_SIZE = 16;
const SUBTITLE_SIZE = 13;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;
const INK = '#17202a';
const INK_MUTED = '#4a5563';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface ChartLegendEntry {
  name: string;
  color: string;
  dashed: boolean;
  /** A line for line series, a filled box for bars and areas: as the page draws its swatch. */
  swatch: 'line' | 'box';
}

export interface ChartImageOptions {
  /** Printed above the chart: the picture says what it shows once it leaves the page. */
  title?: string;
  /** A smaller line under the title (the date range). */
  subtitle?: string;
  /** Drawn between the title and the chart; by default read from the chart's card. */
  legend?: readonly ChartLegendEntry[];
}

export interface ChartImage {
  markup: string;
  width: number;
  height: number;
}

/** The chart's drawing: the largest SVG inside the container (legend swatches are small ones). */
export function findChartSvg(container: Element): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = -1;
  for (const svg of container.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const { width, height } = svgSize(svg);
    if (width * height > bestArea) {
      best = svg;
      bestArea = width * height;
    }
  }
  return best;
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = box.width || Number.parseFloat(svg.getAttribute('width') ?? '') || 0;
  const height = box.height || Number.parseFloat(svg.getAttribute('height') ?? '') || 0;
  return { width: Math.round(width), height: Math.round(height) };
}

/**
 * The legend beside a chart, read from its card: each item of a `.series-legend` (or any
 * list marked `data-chart-legend`) gives its text and the colour of its swatch — an SVG
 * line's stroke, else an element's inline background.
 */
export function legendEntries(container: Element): ChartLegendEntry[] {
  const card = container.closest('section, .card') ?? container.parentElement ?? container;
  const entries: ChartLegendEntry[] = [];
  for (const item of card.querySelectorAll('.series-legend li, [data-chart-legend] li')) {
    const line = item.querySelector('line, path');
    const swatch = item.querySelector<HTMLElement>('[style*="background"]');
    // A swatch's inline `background: var(--series-1)` leaves its longhands empty until the page
    // computes them, so boxes are read from the computed style.
    const color = line?.getAttribute('stroke') || (swatch ? getComputedStyle(swatch).backgroundColor || swatch.style.background : '');
    const name = textOf(item);
    if (name === '' || color === '') continue;
    entries.push({ name, color: resolveColor(color, card), dashed: Boolean(line?.getAttribute('stroke-dasharray')), swatch: line ? 'line' : 'box' });
  }
  return entries;
}

/** The text of an element with a space between its parts (`<span>Radiology</span><span>12K</span>`). */
function textOf(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) parts.push(text);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** `var(--series-1)` → the colour it stands for on the page. */
function resolveColor(color: string, context: Element): string {
  const variable = /^var\((--[\w-]+)\)$/.exec(color.trim());
  if (!variable?.[1]) return color;
  const value = getComputedStyle(context).getPropertyValue(variable[1]).trim();
  return value === '' ? color : value;
}

/**
 * A standalone SVG document of the chart: white background, an optional title, subtitle and
 * legend above it, and a copy of the chart whose styles are written onto its elements.
 */
export function chartImage(svg: SVGSVGElement, options: ChartImageOptions = {}): ChartImage {
  const { width: chartWidth, height: chartHeight } = svgSize(svg);
  const width = chartWidth + 2 * PADDING;
  const parts: string[] = [];
  let y = PADDING;
  if (options.title) {
    y += TITLE_SIZE;
    parts.push(text(PADDING, y, options.title, { size: TITLE_SIZE, weight: 650, color: INK }));
    y += 6;
  }
  if (options.subtitle) {
    y += SUBTITLE_SIZE;
    parts.push(text(PADDING, y, options.subtitle, { size: SUBTITLE_SIZE, weight: 400, color: INK_MUTED }));
    y += 6;
  }
  const legend = options.legend ?? legendEntries(svg);
  if (legend.length > 0) {
    const { markup, height } = legendMarkup(legend, PADDING, y + 6, width - 2 * PADDING);
    parts.push(markup);
    y += 6 + height;
  }
  if (parts.length > 0) y += 8;

  const copy = styledCopy(svg);
  copy.setAttribute('x', String(PADDING));
  copy.setAttribute('y', String(y));
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${chartWidth} ${chartHeight}`);
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  const height = Math.ceil(y + chartHeight + PADDING);
  const chartMarkup = new XMLSerializer().serializeToString(copy);

  const markup =
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    parts.join('') +
    chartMarkup +
    `</svg>`;
  return { markup, width, height };
}

/** Lays legend items out in rows that wrap within `maxWidth`; text widths are estimated. */
function legendMarkup(legend: readonly ChartLegendEntry[], x0: number, y0: number, maxWidth: number): { markup: string; height: number } {
  const parts: string[] = [];
  let x = x0;
  let row = 0;
  for (const entry of legend) {
    const itemWidth = 24 + 6 + Math.ceil(entry.name.length * LEGEND_SIZE * 0.56) + 18;
    if (x > x0 && x + itemWidth > x0 + maxWidth) {
      x = x0;
      row++;
    }
    const middle = y0 + row * LEGEND_ROW + LEGEND_ROW / 2;
    const color = escapeXml(entry.color);
    if (entry.swatch === 'box') {
      parts.push(`<rect x="${x + 6}" y="${middle - 6}" width="12" height="12" rx="2" fill="${color}"/>`);
    } else {
      const dash = entry.dashed ? ' stroke-dasharray="5 3"' : '';
      parts.push(`<line x1="${x + 1}" y1="${middle}" x2="${x + 23}" y2="${middle}" stroke="${color}" stroke-width="2.5"${dash}/>`);
    }
    parts.push(text(x + 30, middle + 4, entry.name, { size: LEGEND_SIZE, weight: 400, color: INK }));
    x += itemWidth;
  }
  return { markup: parts.join(''), height: (row + 1) * LEGEND_ROW };
}

function text(x: number, y: number, content: string, style: { size: number; weight: number; color: string }): string {
  return `<text x="${x}" y="${y}" font-size="${style.size}" font-weight="${style.weight}" fill="${style.color}">${escapeXml(content)}</text>`;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A deep copy of the SVG with each element's computed presentation written into its style. */
function styledCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const hidden: Element[] = [];
  originals.forEach((original, index) => {
    const target = copies[index];
    if (!target) return;
    const computed = getComputedStyle(original);
    if (computed.display === 'none' || original.matches(TRANSIENT_SELECTOR)) {
      hidden.push(target);
      return;
    }
    // Through the CSSOM, not a style attribute: the page's Content Security Policy refuses
    // style attributes set from script, but not styles set property by property.
    const style = (target as SVGElement).style;
    for (const property of INLINED_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value !== '') style.setProperty(property, value);
    }
    // Attributes such as stroke="var(--grid)" mean nothing outside the page: the computed
    // values above replace them, and the unresolved attributes go.
    for (const name of ['fill', 'stroke']) {
      if (target.getAttribute(name)?.includes('var(')) target.removeAttribute(name);
    }
  });
  for (const element of hidden) element.remove();
  return copy;
}

/** Draws the SVG document onto a canvas `scale` times its size, on white, and encodes a PNG. */
export async function renderPng(image: ChartImage, scale = 2): Promise<Blob> {
  const picture = new Image();
  picture.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    picture.onload = () => resolve();
    picture.onerror = () => reject(new Error('The browser could not draw the chart as an image.'));
  });
  picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.markup)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(picture, 0, 0, image.width, image.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the chart as a PNG.'))), 'image/png');
  });
}

/** The chart inside `container` as a PNG at twice its size on screen. */
export async function chartPng(container: Element, options: ChartImageOptions = {}): Promise<Blob> {
  const svg = findChartSvg(container);
  if (!svg) throw new Error('There is no chart to save as an image yet.');
  const legend = options.legend ?? legendEntries(container);
  return renderPng(chartImage(svg, { ...options, legend }));
}
