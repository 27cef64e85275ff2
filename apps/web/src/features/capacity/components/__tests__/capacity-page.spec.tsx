import type { CapacityForecastResponse, CapacityNeedsResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CapacityPage } from '../../../../pages/capacity-page';
import { renderWithRouter, setToday } from '../../../filters/components/__tests__/render-with-router';
import { need, NEEDS, TYPES } from '../../utils/__tests__/capacity-fixture';

interface Answer {
  status: number;
  body?: unknown;
}

/** Stands in for the capacity routes: `answer` decides from the path and the query. Calls are recorded in order. */
function fakeCapacity(answer: (path: string, params: URLSearchParams) => Answer | Promise<Answer>) {
  const calls: string[] = [];
  const fetchMock = jest.fn(async (url: string) => {
    const [path = '', query = ''] = url.split('?');
    if (!path.startsWith('/api/v1/capacity/')) throw new Error(`no fake for ${url}`);
    calls.push(url);
    const { status, body } = await answer(path, new URLSearchParams(query));
    return { ok: status >= 200 && status < 300, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) };
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return { calls };
}

const FORECAST: CapacityForecastResponse = {
  series: [
    {
      department: 'RAD',
      section: 'radiology',
      code: null,
      status: 'ok',
      message: null,
      history: [
        { period: '2026-10', value: 100 },
        { period: '2026-11', value: 120 },
      ],
      points: [
        { period: '2026-12', value: 125, low: 105, high: 145 },
        { period: '2027-01', value: 130, low: 100, high: 160 },
        { period: '2027-02', value: 128, low: 95, high: 161 },
      ],
      method: 'Holt-Winters, additive seasonality, damped trend',
      model: 'ETS(A,Ad,A)',
      backtest: { holdout: 12, mape: 0.062, mase: 0.714, coverage: 0.8333 },
      backtestNote: null,
    },
  ],
  meta: { measure: 'units', horizon: 3, level: 0.8, historyFrom: '2023-12-01', historyTo: '2026-11-30', forecastFrom: '2026-12', forecastTo: '2027-02', minHistoryMonths: 6 },
};

const UTILIZATION: CapacityUtilizationResponse = {
  rows: [],
  pooled: [
    { period: '2026-W48', from: '2026-11-23', to: '2026-11-29', resourceType: 'mri_scanner', kind: 'equipment', departments: ['RAD'], usedMinutes: 3240, count: 2, availableHours: 60, utilization: 0.9 },
    { period: '2026-W48', from: '2026-11-23', to: '2026-11-29', resourceType: 'technologist', kind: 'staff', departments: ['RAD'], usedMinutes: 4800, count: 4, availableHours: 160, utilization: 0.5 },
  ],
  meta: { grain: 'week', from: '2026-09-07', to: '2026-11-30', rowCount: 0, unprofiledLines: 0 },
};

/** With one more MRI scanner: 3 units of the same demand run at 92% × 2/3 ≈ 61%, below target. */
const WITH_ONE_MORE: CapacityNeedsResponse = {
  ...NEEDS,
  rows: NEEDS.rows.map((row) =>
    row.resourceType === 'mri_scanner'
      ? { ...row, horizon: need(3, 600, 0.92 * (2 / 3)), aboveTarget: false, additionalUnitsNeeded: 0, months: row.months.map((month) => ({ ...month, ...need(3, 200, (month.utilization.expected ?? 0) * (2 / 3)) })) }
      : row,
  ),
};

function routes(overrides: Partial<Record<string, (params: URLSearchParams) => Answer | Promise<Answer>>> = {}) {
  return (path: string, params: URLSearchParams): Answer | Promise<Answer> => {
    const name = path.replace('/api/v1/capacity/', '');
    const custom = overrides[name];
    if (custom) return custom(params);
    if (name === 'resource-types') return { status: 200, body: { rows: TYPES } };
    if (name === 'needs') return { status: 200, body: params.get('add') === 'RAD/mri_scanner:1' ? WITH_ONE_MORE : NEEDS };
    if (name === 'forecast') return { status: 200, body: FORECAST };
    if (name === 'utilization') return { status: 200, body: UTILIZATION };
    return { status: 404, body: { message: 'not found' } };
  };
}

/** The lazy chunk and React Query's timers can be slow on a busy machine. */
const SLOW = { timeout: 5000 };

const location = () => screen.getByTestId('location').textContent;

describe('CapacityPage', () => {
  // The page loads its charts lazily; loading the chunk once up front keeps the first test within findBy's wait.
  beforeAll(async () => {
    await import('../capacity-view');
  });

  beforeEach(() => {
    window.sessionStorage.clear();
    setToday('2026-12-02');
  });
  afterEach(() => jest.useRealTimers());

  it('answers which resource runs above target, with the needs, bottlenecks, forecast and heat-map, in the filter bar departments', async () => {
    const { calls } = fakeCapacity(routes());
    renderWithRouter(<CapacityPage />, '/capacity?department=RAD');

    expect(await screen.findByTestId('capacity-answer', {}, SLOW)).toHaveTextContent(
      'Above target MRI scanner in RAD runs at 92% next quarter (Dec 2026 – Feb 2027) against an 80% target: 1 more unit closes the gap.',
    );
    expect(screen.getByText(/^1 other resource runs above target too/)).toBeInTheDocument();
    expect(calls).toContain('/api/v1/capacity/needs?horizon=3&department=RAD');

    const needs = screen.getByRole('region', { name: 'Needs by month' });
    const table = within(needs).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    // RAD MRI, Dec 2026: 2 units × 200 h; 95% used → 475 h required (427.5–522.5), 2.375 units → 0.375 short.
    expect([...rows[0]!.children].map((cell) => cell.textContent)).toEqual(['MRI scanner RAD', 'Dec 2026', '475 h (428–523)', '400 h', '95%', '2 → 2.4', '▲ 0.4 short']);
    expect(rows[2]).not.toHaveClass('capacity-short');
    expect(within(rows[2]!).getAllByRole('cell').at(-1)).toHaveTextContent('0.1 spare');
    fireEvent.click(within(needs).getByLabelText(/Only shortfalls \(5\)/));
    expect(within(table).getAllByRole('row')).toHaveLength(6);

    const bottlenecks = screen.getByRole('region', { name: 'Bottlenecks' });
    expect(within(bottlenecks).getAllByRole('row')[1]).toHaveTextContent('MRI scanner RAD92%2 of 31 unit');
    const idle = screen.getByRole('region', { name: 'Idle capacity' });
    expect(within(idle).getAllByRole('row')[1]).toHaveTextContent('Cath / EP lab CARD40%3 units1 unit');

    const forecast = await screen.findByRole('region', { name: 'Volume forecast' }, SLOW);
    expect(within(forecast).getByRole('img')).toHaveAccessibleName(
      'Line chart of the units of RAD · Radiology by month: actuals to Nov 2026, then the forecast for Dec 2026 – Feb 2027, ending at 128 (80% interval 95–161).',
    );
    expect(within(forecast).getByTestId('capacity-backtest')).toHaveTextContent('MAPE 6.2% · MASE 0.71');
    expect(calls).toContain('/api/v1/capacity/forecast?horizon=3&topCodes=0&department=RAD');

    const heat = await screen.findByRole('region', { name: 'Utilization by week' }, SLOW);
    expect(within(heat).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['MRI scanner', 'Technologist']);
    expect(within(heat).getByText('90%')).toHaveAttribute('title', 'MRI scanner, week of 23 Nov 2026: 90% used');
    expect(calls).toContain('/api/v1/capacity/utilization?from=2026-09-07&to=2026-11-30&grain=week&department=RAD');

    // Exported like every view: the needs, the utilization and the forecasts as CSV.
    expect(within(needs).getByRole('button', { name: 'Download CSV of the needs by month' })).toBeInTheDocument();
    expect(within(heat).getByRole('button', { name: 'Download CSV of utilization by week' })).toBeInTheDocument();
    expect(within(forecast).getByRole('button', { name: 'Download CSV of every volume forecast' })).toBeInTheDocument();
  });

  it('asks again when the what-if changes, dims the old figures meanwhile, and shows the new gap', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { calls } = fakeCapacity(
      routes({
        needs: async (params) => {
          if (params.get('add') === 'RAD/mri_scanner:1') {
            await held;
            return { status: 200, body: WITH_ONE_MORE };
          }
          return { status: 200, body: NEEDS };
        },
      }),
    );
    renderWithRouter(<CapacityPage />, '/capacity');
    await screen.findByTestId('capacity-answer', {}, SLOW);

    const whatIf = screen.getByRole('region', { name: 'What-if' });
    expect(within(whatIf).getByLabelText('Resource')).toHaveValue('RAD/mri_scanner');
    fireEvent.click(within(whatIf).getByRole('button', { name: '+1 (add one)' }));
    expect(within(whatIf).getByLabelText('Change (has 2 units)')).toHaveValue('1');
    await waitFor(() => expect(calls).toContain('/api/v1/capacity/needs?horizon=3&add=RAD/mri_scanner:1'), SLOW);
    expect(screen.getByRole('region', { name: 'Where capacity runs short' })).toHaveClass('is-updating');
    expect(screen.getByTestId('capacity-answer')).toHaveTextContent('MRI scanner in RAD runs at 92%');

    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId('capacity-answer')).toHaveTextContent('Technologist in RAD runs at 85%'), SLOW);
    expect(screen.getByRole('region', { name: 'Where capacity runs short' })).not.toHaveClass('is-updating');
    expect(screen.getByText('With the what-if: MRI scanner in RAD +1.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Unit and FTE changes' })).getByRole('listitem')).toHaveTextContent('MRI scanner in RAD: +1 unit');
    const first = within(within(screen.getByRole('region', { name: 'Needs by month' })).getByRole('table')).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent('3 → 2.4');

    fireEvent.change(within(whatIf).getByLabelText('Volume growth (%)'), { target: { value: 'lots' } });
    expect(within(whatIf).getByText('Enter a change above -100% and at most 1,000%, such as 10 or -5.')).toBeInTheDocument();
    fireEvent.change(within(whatIf).getByLabelText('Volume growth (%)'), { target: { value: '10' } });
    await waitFor(() => expect(calls).toContain('/api/v1/capacity/needs?horizon=3&growth=10&add=RAD/mri_scanner:1'), SLOW);
  });

  it('looks further ahead from the address and the look-ahead control', async () => {
    const { calls } = fakeCapacity(routes());
    renderWithRouter(<CapacityPage />, '/capacity?horizon=6');
    await screen.findByTestId('capacity-answer', {}, SLOW);
    expect(calls).toContain('/api/v1/capacity/needs?horizon=6');
    fireEvent.change(screen.getByLabelText('Look ahead'), { target: { value: '12' } });
    expect(location()).toBe('/capacity?horizon=12');
    await waitFor(() => expect(calls).toContain('/api/v1/capacity/needs?horizon=12'), SLOW);
  });

  it('says when there is no capacity model yet, and what to do', async () => {
    fakeCapacity(routes({ 'resource-types': () => ({ status: 200, body: { rows: [] } }), needs: () => ({ status: 200, body: { ...NEEDS, rows: [] } }) }));
    renderWithRouter(<CapacityPage />, '/capacity');
    expect(await screen.findByRole('heading', { name: 'No capacity model yet' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/An administrator sets up the resource model first/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Resource model' })).toBeInTheDocument();
  });

  it('shows a failed card with its reason and a Retry that loads it', async () => {
    let failures = 1;
    fakeCapacity(routes({ forecast: () => (failures-- > 0 ? { status: 500, body: { message: 'The forecast service is busy.' } } : { status: 200, body: FORECAST }) }));
    renderWithRouter(<CapacityPage />, '/capacity');
    const card = await screen.findByRole('region', { name: 'Volume forecast' }, SLOW);
    expect(await within(card).findByRole('alert', {}, SLOW)).toHaveTextContent('The forecast service is busy.');
    expect(screen.getByRole('region', { name: 'Needs by month' })).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('img', { name: /^Line chart of the units of RAD · Radiology/ }, SLOW)).toBeInTheDocument();
  });

  it('says when the page cannot load, with a Retry', async () => {
    fakeCapacity(routes({ needs: () => ({ status: 503, body: { message: 'The database is starting.' } }) }));
    renderWithRouter(<CapacityPage />, '/capacity');
    expect(await screen.findByRole('heading', { name: 'The capacity figures could not be loaded' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The database is starting.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
