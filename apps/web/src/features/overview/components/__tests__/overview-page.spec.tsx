import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '../../../../pages/overview-page';
import { FilterBar } from '../../../filters/components/filter-bar';
import { fakeAggregate, renderWithRouter, setToday } from '../../../filters/components/__tests__/render-with-router';
import type { FakeAnswer } from '../../../filters/components/__tests__/render-with-router';
import { threeMonths } from '../../utils/__tests__/overview-fixture';

const departments = {
  rows: [
    { department: 'CARD', lines: 200 },
    { department: 'RAD', lines: 130 },
  ],
  totals: { lines: 330 },
  meta: { grain: 'month', from: '1990-01-01', to: '2026-11-27', rowCount: 2, suppressed: 0 },
};

const movers = (dimension: string) => ({
  rows:
    dimension === 'department'
      ? [
          { department: 'CARD', lines: 200, lines_compare: 150 },
          { department: 'RAD', lines: 130, lines_compare: 150 },
        ]
      : [{ code: '70450', lines: 40, lines_compare: 0 }],
  totals: { lines: 330, lines_compare: 300 },
  meta: { grain: 'month', from: '2025-01-01', to: '2025-03-31', rowCount: 2, suppressed: 0 },
});

/** The API as the Overview asks it: the department list, the headline figures by period, and the movers. */
function answerWith(overview: (params: URLSearchParams) => FakeAnswer, allDepartments: unknown = departments) {
  return (params: URLSearchParams): FakeAnswer => {
    const groupBy = params.get('groupBy');
    if (groupBy === 'department' && params.get('from') === '1990-01-01') return { status: 200, body: allDepartments };
    if (groupBy === 'department' || groupBy === 'code') return { status: 200, body: movers(groupBy) };
    return overview(params);
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

/** Picks CSV in an Export menu and returns the export URL it asked for. */
async function exportCsv(button: HTMLElement, exports: string[]): Promise<string | undefined> {
  const before = exports.length;
  fireEvent.click(button);
  fireEvent.click(screen.getByRole('menuitem', { name: /^CSV/ }));
  await waitFor(() => expect(exports.length).toBe(before + 1));
  return exports.at(-1);
}

describe('OverviewPage', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    setToday('2026-11-27');
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('asks with the filters in the address and shows the tiles, trend and movers', async () => {
    const { calls } = fakeAggregate(answerWith(() => ({ status: 200, body: threeMonths })));
    renderWithRouter(<OverviewPage />, '/?range=year_to_date&grain=month&department=CARD&section=radiology');

    const tiles = await screen.findAllByRole('heading', { level: 3 });
    expect(tiles.map((tile) => tile.textContent)).toEqual(['Procedure lines', 'Encounters', 'Patients', 'Charges', 'Paid', 'Denial rate']);
    const overviewCall = calls.find((call) => call.params.get('groupBy') === 'period');
    expect(overviewCall?.url).toBe(
      '/api/v1/aggregate?measures=lines,encounters,patients,charges,paid,denial_rate&groupBy=period&grain=month&from=2026-01-01&to=2026-11-27&department=CARD&section=radiology&compare=previous_year',
    );
    expect(screen.getByText('330')).toHaveAttribute('title', '330');
    expect(screen.getByText('$15.2k')).toHaveAttribute('title', '$15,230.50');
    expect(screen.getByRole('region', { name: 'Procedure lines by month' })).toBeInTheDocument();

    const byDepartment = await screen.findByRole('region', { name: 'Biggest movers: departments' });
    expect(within(byDepartment).getByText('CARD: 200 lines, up 50 on 150 a year earlier (33.3 percent)')).toBeInTheDocument();
    expect(within(byDepartment).getByText('RAD: 130 lines, down 20 on 150 a year earlier (13.3 percent)')).toBeInTheDocument();
    const codeCall = calls.find((call) => call.params.get('groupBy') === 'code');
    expect(codeCall?.url).toBe('/api/v1/aggregate?measures=lines&groupBy=code&from=2026-01-01&to=2026-11-27&department=CARD&section=radiology&compare=previous_year');

    const byCode = await screen.findByRole('region', { name: 'Biggest movers: procedure codes' });
    fireEvent.click(within(byCode).getByRole('button', { name: 'Show table' }));
    const table = within(byCode).getByRole('table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('70450 (Radiology)400+40new');
    expect(within(byCode).getByText('No code has fewer lines than a year earlier.')).toBeInTheDocument();
  });

  it('exports the headline figures from one menu, and each card its own query', async () => {
    const { calls } = fakeAggregate(answerWith(() => ({ status: 200, body: threeMonths })));
    const exports = fakeExports();
    renderWithRouter(<OverviewPage />, '/?range=year_to_date&grain=month&department=CARD');
    const byCode = await screen.findByRole('region', { name: 'Biggest movers: procedure codes' });
    const aggregate = (groupBy: string) => calls.find((call) => call.params.get('groupBy') === groupBy)?.url.replace('/api/v1/aggregate?', '/api/v1/export?');

    const headline = screen.getByRole('region', { name: /^Headline figures/ });
    expect(within(headline).getAllByRole('button', { name: /^Export / })).toHaveLength(1);
    expect(await exportCsv(within(headline).getByRole('button', { name: 'Export Headline figures' }), exports)).toBe(`${aggregate('period')}&format=csv`);

    const trend = screen.getByRole('region', { name: 'Procedure lines by month' });
    expect(await exportCsv(within(trend).getByRole('button', { name: 'Export Procedure lines by month' }), exports)).toBe(
      '/api/v1/export?measures=lines&groupBy=period&grain=month&from=2026-01-01&to=2026-11-27&department=CARD&compare=previous_year&format=csv',
    );
    fireEvent.click(within(trend).getByRole('button', { name: /^Export / }));
    expect(within(trend).getByRole('menuitem', { name: /PNG/ })).toBeInTheDocument();
    fireEvent.keyDown(within(trend).getByRole('menu'), { key: 'Escape' });

    expect(await exportCsv(within(byCode).getByRole('button', { name: 'Export Biggest movers: procedure codes' }), exports)).toBe(`${aggregate('code')}&format=csv`);
    const byDepartment = screen.getByRole('region', { name: 'Biggest movers: departments' });
    expect(await exportCsv(within(byDepartment).getByRole('button', { name: 'Export Biggest movers: departments' }), exports)).toBe(
      '/api/v1/export?measures=lines&groupBy=department&from=2026-01-01&to=2026-11-27&department=CARD&compare=previous_year&format=csv',
    );
  });

  it('names its periods by the chosen grain', async () => {
    fakeAggregate(
      answerWith(() => ({
        status: 200,
        body: { ...threeMonths, rows: [{ period: '2025-Q1', lines: 330, lines_compare: 300 }], meta: { ...threeMonths.meta, grain: 'quarter' } },
      })),
    );
    renderWithRouter(<OverviewPage />, '/?grain=quarter');
    const chart = await screen.findByRole('region', { name: 'Procedure lines by quarter' });
    fireEvent.click(within(chart).getByRole('button', { name: 'Show table' }));
    expect(within(chart).getByRole('columnheader', { name: 'Quarter' })).toBeInTheDocument();
    expect(within(chart).getByRole('rowheader', { name: 'Q1 2025' })).toBeInTheDocument();
  });

  it('says what to do when nothing was ever imported', async () => {
    const empty = { rows: [], totals: { lines: 0 }, meta: { grain: 'month', from: '2025-11-01', to: '2026-10-31', rowCount: 0, suppressed: 0 } };
    fakeAggregate(answerWith(() => ({ status: 200, body: empty }), { ...departments, rows: [] }));
    renderWithRouter(<OverviewPage />);
    expect(await screen.findByRole('heading', { name: 'No procedure lines yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data page' })).toHaveAttribute('href', '/data');
    expect(screen.getByText('npm run seed:demo')).toBeInTheDocument();
  });

  it('offers to reset filters that match no line', async () => {
    const empty = { rows: [], totals: { lines: 0 }, meta: { grain: 'month', from: '2025-11-01', to: '2026-10-31', rowCount: 0, suppressed: 0 } };
    fakeAggregate(answerWith((params) => ({ status: 200, body: params.get('payer_category') ? empty : threeMonths })));
    renderWithRouter(<OverviewPage />, '/?payer_category=self_pay');
    expect(await screen.findByRole('heading', { name: 'No procedure lines match these filters' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Reset the filters' }));
    expect(location()).toBe('/');
    expect(await screen.findByRole('region', { name: 'Procedure lines by month' })).toBeInTheDocument();
  });

  it('shows an error with a retry that asks again', async () => {
    let failing = true;
    const { calls } = fakeAggregate(
      answerWith(() => (failing ? { status: 503, body: { statusCode: 503, message: 'The database is starting.' } } : { status: 200, body: threeMonths })),
    );
    renderWithRouter(<OverviewPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is starting.');
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Procedure lines by month' })).toBeInTheDocument();
    expect(calls.filter((call) => call.params.get('groupBy') === 'period')).toHaveLength(2);
  });

  it('keeps the figures on show, marked as updating, while new filters load', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const yearToDate = { ...threeMonths, totals: { ...threeMonths.totals, lines: 99 } };
    const { fetchMock } = fakeAggregate(
      answerWith((params) => ({ status: 200, body: params.get('from') === '2026-01-01' ? yearToDate : threeMonths })),
    );
    const answer = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (url: string) => {
      if (url.includes('from=2026-01-01') && url.includes('groupBy=period')) await held;
      return answer(url);
    });
    renderWithRouter(
      <>
        <FilterBar />
        <OverviewPage />
      </>,
    );
    expect(await screen.findByText('330')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Dates'), { target: { value: 'year_to_date' } });
    expect(location()).toBe('/?range=year_to_date');
    await waitFor(() => expect(document.querySelector('.overview')).toHaveAttribute('aria-busy', 'true'));
    expect(screen.getByText('330')).toBeInTheDocument();
    expect(screen.getByText('Updating the figures…')).toHaveAttribute('role', 'status');

    release();
    expect(await screen.findByText('99')).toBeInTheDocument();
    expect(document.querySelector('.overview')).not.toHaveAttribute('aria-busy');
  });
});
