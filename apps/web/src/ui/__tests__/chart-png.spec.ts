import { chartImage, escapeXml, findChartSvg, legendEntries } from '../chart-png';

// jsdom lays nothing out, so sizes come from the SVG's width and height attributes; the
// drawing onto a canvas is checked in Chromium (export-menu.e2e.spec.ts).

function card(html: string): HTMLElement {
  document.body.innerHTML = `<section class="card chart-card">${html}</section>`;
  return document.querySelector('section') as HTMLElement;
}

const CHART = `
  <div class="chart-area">
    <svg class="recharts-surface" width="600" height="260" viewBox="0 0 600 260">
      <g class="recharts-cartesian-grid"><line x1="0" y1="10" x2="600" y2="10" stroke="var(--grid)"/></g>
      <path class="recharts-curve recharts-line-curve" d="M0,0L10,10" stroke="#0072b2" fill="none" style="stroke-width: 2.5px"/>
      <path class="recharts-tooltip-cursor" d="M5,0L5,260" stroke="#ccc"/>
      <g class="recharts-cartesian-axis-tick"><text x="10" y="250" style="font-size: 12px">Mar ’25</text></g>
    </svg>
  </div>`;

describe('findChartSvg', () => {
  it('takes the chart’s drawing, not a legend swatch', () => {
    const root = card(`<ul class="series-legend"><li><svg width="24" height="10"><line stroke="#0072b2"/></svg>This period</li></ul>${CHART}`);
    expect(findChartSvg(root)?.getAttribute('class')).toBe('recharts-surface');
  });

  it('finds nothing where no chart is drawn yet', () => {
    expect(findChartSvg(card('<p>Loading</p>'))).toBeNull();
  });
});

describe('legendEntries', () => {
  it('reads the series legend of the chart’s card: names, colours and dashes', () => {
    const root = card(`
      <ul class="series-legend">
        <li><svg width="24" height="10"><line stroke="#0072b2" stroke-width="2.5"/></svg>This period: Mar 2025 – Feb 2026</li>
        <li><svg width="24" height="10"><line stroke="#646f7b" stroke-dasharray="5 3"/></svg>A year earlier</li>
      </ul>${CHART}`);
    expect(legendEntries(root.querySelector('.chart-area') as Element)).toEqual([
      { name: 'This period: Mar 2025 – Feb 2026', color: '#0072b2', dashed: false, swatch: 'line' },
      { name: 'A year earlier', color: '#646f7b', dashed: true, swatch: 'line' },
    ]);
  });

  it('reads a legend marked data-chart-legend whose swatches are coloured boxes, keeping spaces between parts', () => {
    const root = card(`
      <ul data-chart-legend><li><a href="#"><span style="background: rgb(0, 114, 178)"></span><span>Radiology</span><span>12K · 30.1%</span></a></li></ul>${CHART}`);
    expect(legendEntries(root)).toEqual([{ name: 'Radiology 12K · 30.1%', color: 'rgb(0, 114, 178)', dashed: false, swatch: 'box' }]);
  });
});

describe('chartImage', () => {
  it('is a standalone SVG document on white, with the title, range and legend above the chart', () => {
    const root = card(CHART);
    const image = chartImage(findChartSvg(root) as SVGSVGElement, {
      title: 'Lines <by> month & more',
      subtitle: 'Mar 2025 – Feb 2026',
      legend: [{ name: 'This period', color: '#0072b2', dashed: false, swatch: 'line' }],
    });
    expect(image.width).toBe(600 + 32);
    expect(image.height).toBeGreaterThan(260 + 32 + 40);
    const doc = new DOMParser().parseFromString(image.markup, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const outer = doc.documentElement;
    expect(outer.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(outer.getAttribute('width')).toBe(String(image.width));
    expect(outer.firstElementChild?.outerHTML).toContain('fill="#ffffff"');
    const texts = [...outer.children].filter((element) => element.tagName === 'text').map((element) => element.textContent);
    expect(texts).toEqual(['Lines <by> month & more', 'Mar 2025 – Feb 2026', 'This period']);
    expect(image.markup).toContain('Lines &lt;by&gt; month &amp; more');
  });

  it('writes the page’s styles onto the copy, drops what the page alone understands, and leaves hover marks out', () => {
    const root = card(CHART);
    const svg = findChartSvg(root) as SVGSVGElement;
    const image = chartImage(svg, {});
    const doc = new DOMParser().parseFromString(image.markup, 'image/svg+xml');
    const chart = doc.documentElement.querySelector('svg') as SVGSVGElement;
    expect(chart.getAttribute('width')).toBe('600');
    expect(chart.getAttribute('y')).toBe('16');
    expect(chart.querySelector('.recharts-tooltip-cursor')).toBeNull();
    expect(chart.querySelector('.recharts-cartesian-grid line')?.hasAttribute('stroke')).toBe(false);
    expect(chart.querySelector('.recharts-line-curve')?.getAttribute('style')).toContain('stroke-width: 2.5px');
    expect(chart.querySelector('text')?.getAttribute('style')).toContain('font-size: 12px');
    expect(image.markup).not.toContain('var(--');
    // The page keeps its own chart as it was.
    expect(svg.querySelector('.recharts-tooltip-cursor')).not.toBeNull();
  });

  it('escapes text for XML', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
});
