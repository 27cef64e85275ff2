import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { VolumePage } from '../../../../pages/volume-page';
import { fakeAggregate, renderWithRouter, setToday } from '../../../filters/components/__tests__/render-with-router';
import type { FakeAnswer } from '../../../filters/components/__tests__/render-with-router';

const meta = { grain: 'month', from: '2026-01-01', to: '2026-02-28', rowCount: 0, suppressed: 0 };

// Two months. Jan: em 60 + radiology 40 = 100; Feb: em 50 + radiology 60 = 110 (210 in all).
const trend = {
  rows: [
    { period: '2026-02', lines: 110, lines_compare: 100 },
    { period: '2026-01', lines: 100, lines_compare: 80 },
  ],
  totals: { lines: 210, lines_compare: 180 },
  meta,
};
const sections = {
  rows: [
    { period: '2026-01', section: 'em', lines: 60 },
    { period: '2026-01', section: 'radiology', lines: 40 },
    { period: '2026-02', section: 'em', lines: 50 },
    { period: '2026-02', section: 'radiology', lines: 60 },
  ],
  totals: { lines: 210 },
  meta,
};
const departments = {
  rows: [
    { period: '2026-01', department: 'RAD', lines: 40 },
    { period: '2026-02', department: 'RAD', lines: 1500 },
    { period: '2026-01', department: 'CARD', lines: 60 },
    { period: '2026-02', department: 'CARD', lines: 0 },
  ],
  totals: { lines: 1600 },
  meta,
};
// 99213: 110 vs 100 (+10 %), 70450: 100 vs 125 (−20 %).
const codes = {
  rows: [
    { code: '99213', lines: 110, lines_compare: 100 },
    { code: '70450', lines: 100, lines_compare: 125 },
  ],
  totals: { lines: 210, lines_compare: 225 },
  meta,
};
const codeTrends = {
  rows: [
    { period: '2026-01', code: '99213', lines: 60 },
    { period: '2026-02', code: '99213', lines: 50 },
    { period: '2026-01', code: '70450', lines: 40 },
    { period: '2026-02', code: '70450', lines: 60 },
  ],
  totals: { lines: 210 },
  meta,
};
const allDepartments = { rows: [{ department: 'RAD', lines: 10 }], totals: { lines: 10 }, meta };

function answer(overrides: Partial<Record<string, (params: URLSearchParams) => FakeAnswer>> = {}) {
  return (params: URLSearchParams): FakeAnswer => {
    const groupBy = params.get('groupBy') ?? '';
    const custom = overrides[groupBy];
    if (custom) return custom(params);
    if (groupBy === 'department') return { status: 200, body: allDepartments };
    const bodies: Record<string, unknown> = { period: trend, 'period,section': sections, 'period,department': departments, code: codes, 'period,code': codeTrends };
    return { status: 200, body: bodies[groupBy] };
  };
}

const location = () => screen.getByTestId('location').textContent;

/** Adds GET /api/v1/export to the faked API: each request is recorded and answered with a small CSV. */
function fakeExports(): string[] {
  const exports: string[] = [];
  const aggregate = globalThis.fetch;
  Object.assign(globalThis, {
    fetch: jest.fn(async (url: string, init?: RequestInit): Promise<unknown> => {
      if (!url.startsWith('/api/v1/export?')) return aggregate(url, init);
      exports.push(url);
      return { ok: true, status: 200, headers: new Headers(), text: async () => 'lines\r\n1\r\n', blob: async () => new Blob(['lines\r\n1\r\n']) };
    }),
  });
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:export'), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return exports;
}

/** Picks CSV in a card's Export menu and returns the export URL it asked for. */
async function exportCsv(card: HTMLElement, exports: string[]): Promise<string | undefined> {
  const before = exports.length;
  fireEvent.click(within(card).getByRole('button', { name: /^Export / }));
  fireEvent.click(within(card).getByRole('menuitem', { name: /^CSV/ }));
  await waitFor(() => expect(exports.length).toBe(before + 1));
  return exports.at(-1);
}

/** The export URL of an aggregate URL: the same parameters and the format. */
const asExport = (aggregateUrl: string | undefined, format = 'csv') => `${aggregateUrl?.replace('/api/v1/aggregate?', '/api/v1/export?')}&format=${format}`;

describe('VolumePage', () => {
  // The page loads its charts lazily; loading the chunk once up front keeps the first test within findBy's wait.
  beforeAll(async () => {
    await import('../volume-view');
  });

  beforeEach(() => {
    window.sessionStorage.clear();
    setToday('2026-03-02');
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('asks with the filters and shows the trend, the sections, the top codes and the heat-map', async () => {
    const { calls } = fakeAggregate(answer());
    renderWithRouter(<VolumePage />, '/volume?range=year_to_date&department=CARD,RAD');

    const trendCard = await screen.findByRole('region', { name: 'Procedure lines by month' });
    expect(within(trendCard).getByRole('img')).toHaveAccessibleName(/^Line chart of procedure lines by month for all sections, Jan 2026 – Feb 2026, with the same months a year earlier/);
    expect(within(trendCard).getByText('A year earlier: Jan 2025 – Feb 2025')).toBeInTheDocument();
    const url = (groupBy: string) => calls.find((call) => call.params.get('groupBy') === groupBy)?.url;
    expect(url('period')).toBe('/api/v1/aggregate?measures=lines&groupBy=period&grain=month&from=2026-01-01&to=2026-03-02&department=CARD,RAD&compare=previous_year');

    const sectionCard = await screen.findByRole('region', { name: 'Volume by section' });
    expect(within(sectionCard).getAllByRole('link').map((link) => link.textContent)).toEqual(['Evaluation & management110 · 52.4%', 'Radiology100 · 47.6%']);
    expect(url('period,section')).toBe('/api/v1/aggregate?measures=lines&groupBy=period,section&grain=month&from=2026-01-01&to=2026-03-02&department=CARD,RAD');
    fireEvent.click(within(sectionCard).getByRole('button', { name: 'Show table' }));
    const sectionRows = within(within(sectionCard).getByRole('table')).getAllByRole('row');
    expect(sectionRows.map((row) => row.textContent)).toEqual(['MonthEvaluation & managementRadiologyAll sections', 'Jan 20266040100', 'Feb 20265060110']);

    const topCodes = await screen.findByRole('region', { name: 'Top codes' });
    expect(url('code')).toBe('/api/v1/aggregate?measures=lines&groupBy=code&from=2026-01-01&to=2026-03-02&department=CARD,RAD&compare=previous_year&orderBy=-lines&limit=20');
    await waitFor(() => expect(url('period,code')).toBe('/api/v1/aggregate?measures=lines&groupBy=period,code&grain=month&from=2026-01-01&to=2026-03-02&department=CARD,RAD&code=70450,99213'));
    const codeRows = within(topCodes).getAllByRole('row').slice(1);
    expect(codeRows.map((row) => row.textContent)).toEqual(['99213Evaluation & management110100+10+10.0\u00a0%', '70450Radiology100125\u221225\u221220.0\u00a0%']);
    expect(await within(topCodes).findByRole('img', { name: 'Lines of 70450 by month, from 40 in Jan 2026 to 60 in Feb 2026' })).toBeInTheDocument();

    const heatMap = await screen.findByRole('region', { name: 'Departments by month' });
    const grid = within(heatMap).getByRole('table');
    expect(within(grid).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['RAD', 'CARD']);
    const cell = within(grid).getByText('1.5k');
    expect(cell).toHaveAttribute('title', 'RAD, Feb 2026: 1,500 lines');
    expect(cell).toHaveStyle({ color: '#ffffff' });
    fireEvent.click(within(heatMap).getByRole('button', { name: 'Show table' }));
    expect(within(heatMap).getAllByRole('table')[1]).toHaveTextContent('RAD401,5001,540');
  });

  it('puts an Export menu on every card, each exporting the query behind that card', async () => {
    const { calls } = fakeAggregate(answer());
    const exports = fakeExports();
    renderWithRouter(<VolumePage />, '/volume?range=year_to_date&department=CARD,RAD');
    const url = (groupBy: string) => calls.find((call) => call.params.get('groupBy') === groupBy)?.url;

    const trendCard = await screen.findByRole('region', { name: 'Procedure lines by month' });
    expect(within(trendCard).getByRole('button', { name: 'Export Procedure lines by month' })).toHaveAttribute('aria-haspopup', 'menu');
    expect(await exportCsv(trendCard, exports)).toBe(asExport(url('period')));
    fireEvent.click(within(trendCard).getByRole('button', { name: /^Export / }));
    expect(within(trendCard).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['CSV.csv', 'Excel (XLSX).xlsx', 'PDF.pdf', 'PNG image.png']);
    fireEvent.keyDown(within(trendCard).getByRole('menu'), { key: 'Escape' });

    const sectionCard = await screen.findByRole('region', { name: 'Volume by section' });
    expect(await exportCsv(sectionCard, exports)).toBe(asExport(url('period,section')));
    const topCodes = await screen.findByRole('region', { name: 'Top codes' });
    expect(await exportCsv(topCodes, exports)).toBe(
      '/api/v1/export?measures=lines&groupBy=code&from=2026-01-01&to=2026-03-02&department=CARD,RAD&compare=previous_year&orderBy=-lines&limit=20&format=csv',
    );
    const heatMap = await screen.findByRole('region', { name: 'Departments by month' });
    expect(await exportCsv(heatMap, exports)).toBe(asExport(url('period,department')));
    // Tables have no chart to save as a picture.
    fireEvent.click(within(heatMap).getByRole('button', { name: /^Export / }));
    expect(within(heatMap).queryByRole('menuitem', { name: /PNG/ })).not.toBeInTheDocument();
  });

  it('exports a drilled code’s department lines with the drill in the query', async () => {
    fakeAggregate(answer());
    const exports = fakeExports();
    renderWithRouter(<VolumePage />, '/volume?drill_section=radiology&drill_code=70450');
    const byDepartment = await screen.findByRole('region', { name: '70450 by department and month' });
    expect(await exportCsv(byDepartment, exports)).toBe(
      '/api/v1/export?measures=lines&groupBy=period,department&grain=month&from=2025-03-01&to=2026-02-28&code=70450&section=radiology&format=csv',
    );
  });

  it('drills from a section to a code and back up, in the address', async () => {
    const { calls } = fakeAggregate(answer());
    renderWithRouter(<VolumePage />, '/volume?grain=month');
    const sectionCard = await screen.findByRole('region', { name: 'Volume by section' });
    fireEvent.click(within(sectionCard).getByRole('link', { name: /^Radiology/ }));
    expect(location()).toBe('/volume?drill_section=radiology');

    const breadcrumb = screen.getByRole('navigation', { name: 'Drill-down' });
    expect(within(breadcrumb).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['All sections', 'Radiology']);
    expect(within(breadcrumb).getByText('Radiology')).toHaveAttribute('aria-current', 'location');
    const topCodes = await screen.findByRole('region', { name: 'Top codes in Radiology' });
    await screen.findByRole('region', { name: 'Radiology lines by month' });
    expect(screen.queryByRole('region', { name: 'Volume by section' })).not.toBeInTheDocument();
    expect(calls.some((call) => call.params.get('groupBy') === 'code' && call.params.get('section') === 'radiology')).toBe(true);

    fireEvent.click(within(topCodes).getByRole('link', { name: '70450' }));
    expect(location()).toBe('/volume?drill_section=radiology&drill_code=70450');
    const byDepartment = await screen.findByRole('region', { name: '70450 by department and month' });
    expect(within(byDepartment).getByRole('img')).toHaveAccessibleName(/one line per department \(RAD, CARD\)/);
    const departmentCall = calls.find((call) => call.params.get('groupBy') === 'period,department' && call.params.get('code') === '70450');
    expect(departmentCall?.params.get('section')).toBe('radiology');
    expect(within(screen.getByRole('navigation', { name: 'Drill-down' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['All sections', 'Radiology', '70450']);

    fireEvent.click(within(screen.getByRole('navigation', { name: 'Drill-down' })).getByRole('link', { name: 'Radiology' }));
    expect(location()).toBe('/volume?drill_section=radiology');
    fireEvent.click(screen.getByRole('button', { name: 'History back' }));
    expect(location()).toBe('/volume?drill_section=radiology&drill_code=70450');
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Drill-down' })).getByRole('link', { name: 'All sections' }));
    expect(location()).toBe('/volume');
  });

  it('sorts the top codes by any column', async () => {
    fakeAggregate(answer());
    renderWithRouter(<VolumePage />, '/volume');
    const topCodes = await screen.findByRole('region', { name: 'Top codes' });
    const codesInOrder = () => within(topCodes).getAllByRole('rowheader').map((cell) => cell.querySelector('a')?.textContent);
    expect(codesInOrder()).toEqual(['99213', '70450']);
    const change = within(topCodes).getByRole('button', { name: /^Change %/ });
    fireEvent.click(change);
    expect(change.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(codesInOrder()).toEqual(['99213', '70450']);
    fireEvent.click(change);
    expect(change.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    expect(codesInOrder()).toEqual(['70450', '99213']);
  });

  it('says what to do when nothing was ever imported', async () => {
    const empty = { rows: [], totals: { lines: 0, lines_compare: 0 }, meta };
    fakeAggregate(answer({ period: () => ({ status: 200, body: empty }), department: () => ({ status: 200, body: { ...allDepartments, rows: [] } }) }));
    renderWithRouter(<VolumePage />, '/volume');
    expect(await screen.findByRole('heading', { name: 'No procedure lines yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data page' })).toHaveAttribute('href', '/data');
    expect(screen.getByText('npm run seed:demo')).toBeInTheDocument();
  });

  it('offers to reset filters that match no line, and to go back up from an empty drill', async () => {
    const empty = { rows: [], totals: { lines: 0, lines_compare: 0 }, meta };
    fakeAggregate(answer({ period: (params) => ({ status: 200, body: params.get('payer_category') || params.get('code') ? empty : trend }) }));
    renderWithRouter(<VolumePage />, '/volume?payer_category=self_pay');
    expect(await screen.findByRole('heading', { name: 'No procedure lines match these filters' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Reset the filters' }));
    expect(location()).toBe('/volume');
    expect(await screen.findByRole('region', { name: 'Procedure lines by month' })).toBeInTheDocument();
  });

  it('says so when the drilled section is outside the section filter', async () => {
    fakeAggregate(answer());
    renderWithRouter(<VolumePage />, '/volume?section=surgery&drill_section=radiology');
    expect(await screen.findByRole('heading', { name: 'Radiology is not among the sections chosen in the filter bar' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Back to all sections' }));
    expect(location()).toBe('/volume?section=surgery');
  });

  it('shows an error with a retry that asks again, and a failing card on its own', async () => {
    let failing = true;
    const { calls } = fakeAggregate(
      answer({
        period: () => (failing ? { status: 503, body: { statusCode: 503, message: 'The database is starting.' } } : { status: 200, body: trend }),
        'period,department': () => ({ status: 500, body: { statusCode: 500, message: 'The heat-map query failed.' } }),
      }),
    );
    renderWithRouter(<VolumePage />, '/volume');
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is starting.');
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Procedure lines by month' })).toBeInTheDocument();
    expect(calls.filter((call) => call.params.get('groupBy') === 'period')).toHaveLength(2);
    const heatMap = await screen.findByRole('region', { name: 'Departments by month' });
    expect(await within(heatMap).findByRole('alert')).toHaveTextContent('The heat-map query failed.');
    expect(within(heatMap).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
