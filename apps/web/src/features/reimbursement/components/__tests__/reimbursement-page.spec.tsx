import { fireEvent, screen, within } from '@testing-library/react';
import { ReimbursementPage } from '../../../../pages/reimbursement-page';
import { fakeAggregate, renderWithRouter, setToday } from '../../../filters/components/__tests__/render-with-router';
import type { FakeAnswer } from '../../../filters/components/__tests__/render-with-router';

const meta = { grain: 'month', from: '2026-01-01', to: '2026-02-28', rowCount: 0, suppressed: 0 };

// Two months; allowed 1,200 and paid 900 in all, so the net collection ratio is 75.0 %.
const headline = {
  rows: [
    { period: '2026-02', lines: 30, charges: 1200, allowed: 700, paid: 500, denial_rate: 0.1, wrvu: 20, expected_payment: 600 },
    { period: '2026-01', lines: 20, charges: 800, allowed: 500, paid: 400, denial_rate: 0.05, wrvu: 22.5, expected_payment: 500.55 },
  ],
  totals: { lines: 50, charges: 2000, allowed: 1200, paid: 900, denial_rate: 0.08, wrvu: 42.5, expected_payment: 1100.55 },
  meta,
};
// Medicare 1,500 of 2,000 (75.0 %), commercial 500 (25.0 %); encounters 40 of 100 and 60 of 100.
const payers = {
  rows: [
    { payer_category: 'medicare', charges: 1500, encounters: 40 },
    { payer_category: 'commercial', charges: 500, encounters: 60 },
  ],
  totals: { charges: 2000, encounters: 100 },
  meta,
};
// 99213 in CARD: 450 paid against 500.55 expected (−50.55, −10.1 %).
const codes = { rows: [{ code: '99213', lines: 12, paid: 450, expected_payment: 500.55 }], totals: {}, meta: { ...meta, unpriced: 0 } };
const providers = { rows: [{ provider: '1234567893', wrvu: 12.5, lines: 12 }], totals: {}, meta };
const denialReasons = {
  rows: [{ carc: '50', description: null, deniedLines: 3, share: 0.75, deniedCharges: 300 }, { carc: '', description: null, deniedLines: 1, share: 0.25, deniedCharges: 20 }],
  totals: { deniedLines: 4, deniedCharges: 320, reasons: 2 },
  meta: { from: '2026-01-01', to: '2026-03-02', rowCount: 2, descriptionsLoaded: 0, source: 'facts' },
};
function whatIf(params: URLSearchParams) {
  // As loaded CARD 700.55 and RAD 400; the fake scenario adds 10 % when a conversion factor is given.
  const factor = params.get('conversion_factor') ? 1.1 : 1;
  const row = (key: string, current: number) => ({ key, units: 1, current, scenario: Math.round(current * factor * 100) / 100, change: Math.round(current * (factor - 1) * 100) / 100, changeRatio: factor - 1 });
  return {
    byDepartment: [row('CARD', 700.55), row('RAD', 400)],
    bySection: [row('em', 1100.55)],
    totals: { units: 2, current: 1100.55, scenario: Math.round(1100.55 * factor * 100) / 100, change: Math.round(1100.55 * (factor - 1) * 100) / 100, changeRatio: factor - 1 },
    meta: { from: '2026-01-01', to: '2026-03-02', scenario: {}, conversionFactors: [{ year: 2026, current: 32.3465, scenario: 32.3465 }], locality: null, unpriced: 0, source: 'facts' },
  };
}

/** The aggregate fake, plus the reimbursement routes; returns every URL asked. */
function fakeApi(aggregate: (params: URLSearchParams) => FakeAnswer) {
  const { calls } = fakeAggregate(aggregate);
  const aggregateFetch = globalThis.fetch;
  const routes: string[] = [];
  Object.assign(globalThis, {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      if (!url.startsWith('/api/v1/reimbursement/')) return aggregateFetch(url, init);
      routes.push(url);
      const params = new URLSearchParams(url.split('?')[1] ?? '');
      const body = url.includes('/what-if') ? whatIf(params) : denialReasons;
      return { ok: true, status: 200, text: async () => JSON.stringify(body) };
    }),
  });
  return { calls, routes };
}
// CARD: 600 paid against 700.55 expected (−100.55, −14.4 %); RAD: 300 against 400 (−100, −25.0 %).
const departments = {
  rows: [
    { department: 'RAD', paid: 300, expected_payment: 400, wrvu: 30 },
    { department: 'CARD', paid: 600, expected_payment: 700.55, wrvu: 12.5 },
  ],
  totals: { paid: 900, expected_payment: 1100.55, wrvu: 42.5 },
  meta: { ...meta, unpriced: 3 },
};
const departmentOptions = { rows: [{ department: 'RAD', lines: 10 }], totals: { lines: 10 }, meta };

function answer(overrides: Partial<Record<string, (params: URLSearchParams) => FakeAnswer>> = {}) {
  return (params: URLSearchParams): FakeAnswer => {
    const groupBy = params.get('groupBy') ?? '';
    const key = groupBy === 'department' && params.get('measures') === 'lines' ? 'options' : groupBy;
    const custom = overrides[key];
    if (custom) return custom(params);
    const bodies: Record<string, unknown> = { period: headline, payer_category: payers, department: departments, options: departmentOptions, code: codes, provider: providers };
    return { status: 200, body: bodies[key] };
  };
}

const location = () => screen.getByTestId('location').textContent;
const rowTexts = (region: HTMLElement) => within(within(region).getByRole('table')).getAllByRole('row').map((row) => row.textContent);

// A page of eleven cards: on a busy machine a test takes longer than Jest's default 5 s.
jest.setTimeout(30_000);

describe('ReimbursementPage', () => {
  // The page loads its charts lazily; loading the chunk once up front keeps the first test within findBy's wait.
  beforeAll(async () => {
    await import('../reimbursement-view');
  });

  beforeEach(() => {
    window.sessionStorage.clear();
    setToday('2026-03-02');
  });
  afterEach(() => jest.useRealTimers());

  it('asks with the filters and shows the tiles, the trends, the payer mix and paid against expected', async () => {
    const { calls } = fakeApi(answer());
    renderWithRouter(<ReimbursementPage />, '/reimbursement?range=year_to_date&department=CARD,RAD');

    const money = await screen.findByRole('region', { name: 'Charges, allowed and paid by month' });
    expect(within(money).getByRole('img')).toHaveAccessibleName('Line chart of charges, allowed and paid by month, Jan 2026 – Feb 2026. In all: charges $2k, allowed $1.2k, paid $900.');
    const url = (groupBy: string) => calls.find((call) => call.params.get('groupBy') === groupBy && call.params.get('measures') !== 'lines')?.url;
    expect(url('period')).toBe('/api/v1/aggregate?measures=lines,charges,allowed,paid,denial_rate,wrvu,expected_payment&groupBy=period&grain=month&from=2026-01-01&to=2026-03-02&department=CARD,RAD');
    fireEvent.click(within(money).getByRole('button', { name: 'Show table' }));
    expect(rowTexts(money)).toEqual(['MonthChargesAllowedPaid', 'Jan 2026$800.00$500.00$400.00', 'Feb 2026$1,200.00$700.00$500.00']);

    const tiles = screen.getByRole('region', { name: 'Headline figures' });
    expect(within(tiles).getAllByRole('listitem').map((tile) => tile.textContent)).toEqual([
      'Charges$2k$2,000.00',
      'Paid$900$900.00',
      'Expected payment$1.1k$1,100.55',
      'Work RVUs42.542.50',
      'Net collection ratio75.0%$900.00 of $1,200.00 allowed',
    ]);

    const denials = screen.getByRole('region', { name: 'Denial rate by month' });
    expect(within(denials).getByRole('img')).toHaveAccessibleName('Line chart of the denial rate by month, Jan 2026 – Feb 2026. Highest 10.0% in Feb 2026, lowest 5.0% in Jan 2026.');

    const payerMix = await screen.findByRole('region', { name: 'Payer mix' });
    expect(url('payer_category')).toBe('/api/v1/aggregate?measures=charges&groupBy=payer_category&from=2026-01-01&to=2026-03-02&department=CARD,RAD&orderBy=-charges');
    expect(within(payerMix).getByRole('list', { name: 'Share of charges' })).toHaveTextContent('Medicare 75.0%Commercial 25.0%');
    // Encounters are counted only when asked for: a distinct count by payer reads the lines.
    expect(calls.some((call) => call.params.get('measures') === 'encounters')).toBe(false);
    fireEvent.click(within(payerMix).getByRole('radio', { name: 'By encounters' }));
    expect(await within(payerMix).findByRole('list', { name: 'Share of encounters' })).toHaveTextContent('Medicare 40.0%Commercial 60.0%');
    expect(calls.map((call) => call.url)).toContain('/api/v1/aggregate?measures=encounters&groupBy=payer_category&from=2026-01-01&to=2026-03-02&department=CARD,RAD');
    fireEvent.click(within(payerMix).getByRole('button', { name: 'Show table' }));
    expect(rowTexts(payerMix)).toEqual([
      'Payer categoryChargesShare of chargesEncountersShare of encounters',
      'Medicare$1,500.0075.0%4040.0%',
      'Commercial$500.0025.0%6060.0%',
    ]);

    const expected = await screen.findByRole('region', { name: 'Expected vs actual payment by department' });
    expect(rowTexts(expected)).toEqual([
      'DepartmentPaidExpected paymentVarianceVariance %',
      'CARD$600.00$700.55\u2212$100.55\u221214.4%',
      'RAD$300.00$400.00\u2212$100.00\u221225.0%',
    ]);
    expect(within(expected).getByText(/^3 lines could not be priced/)).toBeInTheDocument();

    const wrvu = screen.getByRole('region', { name: 'Work RVUs by department' });
    fireEvent.click(within(wrvu).getByRole('button', { name: 'Show table' }));
    expect(rowTexts(wrvu)).toEqual(['DepartmentWork RVUs', 'RAD30.00', 'CARD12.50']);
  });

  it('lists denial reasons, drills into a department, and prices a what-if', async () => {
    const { calls, routes } = fakeApi(answer());
    renderWithRouter(<ReimbursementPage />, '/reimbursement?range=year_to_date');

    const reasons = await screen.findByRole('region', { name: 'Top denial reasons' });
    expect(await within(reasons).findByText(/^4 denied lines \(\$320\.00 charged\) under 2 reasons/)).toBeInTheDocument();
    expect(rowTexts(reasons)).toEqual(['CARCReasonDenied linesShare of denialsCharges denied', '50—375.0%$300.00', 'None given—125.0%$20.00']);
    expect(within(reasons).getByText(/CARC list/)).toBeInTheDocument();
    expect(routes).toContain('/api/v1/reimbursement/denial-reasons?from=2026-01-01&to=2026-03-02&limit=10');

    const expected = await screen.findByRole('region', { name: 'Expected vs actual payment by department' });
    fireEvent.click(within(expected).getByRole('link', { name: 'CARD: show its codes and providers' }));
    expect(location()).toBe('/reimbursement?range=year_to_date&drill_department=CARD');
    const byCode = await screen.findByRole('region', { name: 'Expected vs actual payment by code in CARD' });
    expect(rowTexts(byCode)).toEqual(['CodeLinesPaidExpected paymentVarianceVariance %', '9921312$450.00$500.55\u2212$50.55\u221210.1%']);
    expect(calls.map((call) => call.url)).toContain('/api/v1/aggregate?measures=lines,paid,expected_payment&groupBy=code&from=2026-01-01&to=2026-03-02&department=CARD&orderBy=-expected_payment&limit=15');
    const byProvider = await screen.findByRole('region', { name: 'Work RVUs by provider in CARD' });
    expect(rowTexts(byProvider)).toEqual(['ProviderLinesWork RVUs', 'NPI 12345678931212.50']);
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Drill-down' })).getByRole('link', { name: 'All departments' }));
    expect(await screen.findByRole('region', { name: 'Expected vs actual payment by code' })).toBeInTheDocument();

    const whatIfCard = screen.getByRole('region', { name: 'What-if: expected payment under another schedule' });
    expect(await within(whatIfCard).findByText(/As loaded: 2026 conversion factor 32\.3465/)).toBeInTheDocument();
    fireEvent.click(within(whatIfCard).getByRole('button', { name: '2026, non-qualifying: 33.4009' }));
    expect(within(whatIfCard).getByLabelText('Conversion factor ($)')).toHaveValue('33.4009');
    // 1,100.55 × 1.1 = 1,210.605 → 1,210.61 in the fake; the change 110.055 → 110.06.
    expect(await within(whatIfCard).findAllByText('$1,210.61')).toHaveLength(2);
    expect(routes).toContain('/api/v1/reimbursement/what-if?from=2026-01-01&to=2026-03-02&conversion_factor=33.4009');
    const byDepartment = within(whatIfCard).getByRole('table', { name: /^What-if by department/ });
    expect(within(byDepartment).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'DepartmentAs loadedWhat-ifChangeChange %',
      'CARD$700.55$770.61+$70.06+10.0%',
      'RAD$400.00$440.00+$40.00+10.0%',
    ]);

    // Every chart and table has its export: the aggregate cards a menu, the two others a CSV.
    expect(screen.getAllByRole('button', { name: /^Export / }).map((button) => button.getAttribute('aria-label') ?? button.textContent)).toEqual([
      'Export Headline figures',
      'Export Charges, allowed and paid by month',
      'Export Payer mix',
      'Export Denial rate by month',
      'Export Expected vs actual payment by department',
      'Export Work RVUs by department',
      'Export Expected vs actual payment by code',
      'Export Work RVUs by provider',
    ]);
    expect(within(whatIfCard).getByRole('button', { name: 'Download CSV of the what-if' })).toBeInTheDocument();
    expect(within(reasons).getByRole('button', { name: 'Download CSV of the top denial reasons' })).toBeInTheDocument();

    fireEvent.change(within(whatIfCard).getByLabelText('Work RVU change (%)'), { target: { value: 'ten' } });
    expect(within(whatIfCard).getByText(/Enter a percentage/)).toBeInTheDocument();
    expect(within(whatIfCard).getByLabelText('Work RVU change (%)')).toHaveAttribute('aria-invalid', 'true');
  }, 30_000);

  it('says what to do when nothing was ever imported', async () => {
    const empty = { rows: [], totals: { lines: 0 }, meta };
    fakeAggregate(answer({ period: () => ({ status: 200, body: empty }), options: () => ({ status: 200, body: { ...departmentOptions, rows: [] } }) }));
    renderWithRouter(<ReimbursementPage />, '/reimbursement');
    expect(await screen.findByRole('heading', { name: 'No procedure lines yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data page' })).toHaveAttribute('href', '/data');
  });

  it('offers to reset filters that match no line', async () => {
    const empty = { rows: [], totals: { lines: 0 }, meta };
    fakeAggregate(answer({ period: (params) => ({ status: 200, body: params.get('payer_category') ? empty : headline }) }));
    renderWithRouter(<ReimbursementPage />, '/reimbursement?payer_category=self_pay');
    expect(await screen.findByRole('heading', { name: 'No procedure lines match these filters' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Reset the filters' }));
    expect(location()).toBe('/reimbursement');
    expect(await screen.findByRole('region', { name: 'Charges, allowed and paid by month' })).toBeInTheDocument();
  });

  it('shows an error with a retry that asks again, and a failing card on its own', async () => {
    let failing = true;
    const { calls } = fakeAggregate(
      answer({
        period: () => (failing ? { status: 503, body: { statusCode: 503, message: 'The database is starting.' } } : { status: 200, body: headline }),
        payer_category: () => ({ status: 500, body: { statusCode: 500, message: 'The payer query failed.' } }),
      }),
    );
    renderWithRouter(<ReimbursementPage />, '/reimbursement');
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is starting.');
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Charges, allowed and paid by month' })).toBeInTheDocument();
    expect(calls.filter((call) => call.params.get('groupBy') === 'period')).toHaveLength(2);
    const payerMix = await screen.findByRole('region', { name: 'Payer mix' });
    expect(await within(payerMix).findByRole('alert')).toHaveTextContent('The payer query failed.');
    expect(within(payerMix).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
