import type { ReportRun, SavedReport } from '@caseload/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReportsPage } from '../../../../pages/reports-page';
import { fakeApi, signInAs, stubModalDialogs } from '../../../admin/components/__tests__/fake-api';
import type { FakeAnswer, FakeCall } from '../../../admin/components/__tests__/fake-api';
import { renderWithRouter, setToday } from '../../../filters/components/__tests__/render-with-router';

const meta = { grain: 'month', from: '2026-04-01', to: '2026-04-30', rowCount: 2, suppressed: 0 };
const departments = { rows: [{ department: 'CARD', lines: 10 }, { department: 'RAD', lines: 5 }], totals: { lines: 15 }, meta };
// CARD 120 + RAD 80 = 200 lines; $1,000.50 + $500.25 = $1,500.75 charged.
const preview = {
  rows: [
    { department: 'CARD', lines: 120, charges: 1000.5 },
    { department: 'RAD', lines: 80, charges: 500.25 },
  ],
  totals: { lines: 200, charges: 1500.75 },
  meta,
};

const run: ReportRun = {
  id: 7,
  reportId: 3,
  trigger: 'manual',
  status: 'failed',
  attempts: 3,
  startedAt: '2026-05-13T10:00:00.000Z',
  finishedAt: '2026-05-13T10:00:09.000Z',
  from: '2026-04-01',
  to: '2026-04-30',
  bytes: null,
  hasFile: false,
  webhookStatus: null,
  error: 'The webhook answered 503 Service Unavailable.',
};

const saved: SavedReport = {
  id: 3,
  name: 'Cardiology lines',
  query: { measures: 'lines', groupBy: 'period', grain: 'month', department: 'CARD' },
  range: { preset: 'last_12_months' },
  format: 'csv',
  suppress: true,
  schedule: { frequency: 'weekly', cron: '0 6 * * 1' },
  writeFile: true,
  webhookUrl: null,
  owner: 'analyst@example.test',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  nextRunAt: '2026-05-18T10:00:00.000Z',
  lastRun: run,
};

function aggregate(call: FakeCall): FakeAnswer {
  const params = new URLSearchParams(call.url.split('?')[1]);
  if (params.get('from') === '1900-01-01' || params.get('measures') === 'lines' && params.get('groupBy') === 'department' && params.get('limit') === null) return { status: 200, body: departments };
  return { status: 200, body: preview };
}

// The first render in jsdom is slow on a cold cache.
jest.setTimeout(20_000);

describe('ReportsPage', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    setToday('2026-05-14');
    stubModalDialogs();
    // jsdom lays nothing out, so it cannot scroll either.
    Element.prototype.scrollIntoView = jest.fn();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('says what a report is when none is saved, and previews the builder’s question', async () => {
    signInAs('analyst');
    const { calls } = fakeApi({ 'GET /api/v1/reports': { status: 200, body: { reports: [] } }, 'GET /api/v1/aggregate': aggregate });
    renderWithRouter(<ReportsPage />, '/reports?department=CARD');

    const list = screen.getByRole('region', { name: 'Saved reports' });
    expect(await within(list).findByRole('heading', { name: 'No saved reports yet' })).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Build your first report' })).toBeInTheDocument();

    const builder = screen.getByRole('region', { name: 'Build a report' });
    expect(within(builder).getByRole('list', { name: 'Filters that apply' })).toHaveTextContent('Department: CARD');
    fireEvent.click(within(builder).getByRole('checkbox', { name: 'Charges' }));
    fireEvent.click(within(builder).getByRole('button', { name: 'Preview' }));

    const card = await screen.findByRole('region', { name: 'Preview' });
    const table = await within(card).findByRole('table');
    expect(calls.map((call) => call.url)).toContain('/api/v1/aggregate?measures=lines,charges&groupBy=department&department=CARD&from=2026-04-01&to=2026-04-30&limit=50');
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'DepartmentProcedure linesCharges',
      'CARD120$1,000.50',
      'RAD80$500.25',
      'Total200$1,500.75',
    ]);
    expect(within(card).getByText(/^All 2 rows/)).toBeInTheDocument();

    fireEvent.click(within(builder).getByRole('button', { name: 'Remove the filter Department: CARD' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/reports$/);
    expect(within(card).getByText(/press Preview again/)).toBeInTheDocument();
  });

  it('shows the API’s refusal beside the cron field and saves once it is fixed', async () => {
    signInAs('analyst');
    const posted: unknown[] = [];
    const { calls } = fakeApi({
      'GET /api/v1/reports': { status: 200, body: { reports: [] } },
      'GET /api/v1/aggregate': aggregate,
      'POST /api/v1/reports': (call) => {
        posted.push(call.body);
        const body = call.body as { schedule: { cron: string } };
        if (body.schedule.cron === 'every day') return { status: 400, body: { statusCode: 400, code: 'REPORT_INVALID', message: 'schedule.cron: "every day" is not a cron expression that runs: bad field' } };
        return { status: 201, body: { ...saved, id: 9, name: 'Weekday lines' } };
      },
    });
    renderWithRouter(<ReportsPage />, '/reports');
    const form = screen.getByRole('form', { name: 'Save the report' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Weekday lines' } });
    fireEvent.change(within(form).getByLabelText('Schedule'), { target: { value: 'custom' } });
    fireEvent.change(within(form).getByLabelText('Cron expression'), { target: { value: 'every day' } });
    fireEvent.click(within(form).getByLabelText('Hide small counts (suppression)'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save report' }));

    const cron = within(form).getByLabelText('Cron expression');
    await waitFor(() => expect(cron).toHaveAttribute('aria-invalid', 'true'));
    expect(cron).toHaveAccessibleDescription(/^"every day" is not a cron expression that runs: bad field/);
    expect(cron).toHaveFocus();
    expect(posted[0]).toEqual({
      name: 'Weekday lines',
      query: { measures: 'lines', groupBy: 'department' },
      range: { preset: 'last_month' },
      format: 'csv',
      suppress: false,
      schedule: { frequency: 'cron', cron: 'every day' },
      writeFile: true,
      webhookUrl: null,
    });

    fireEvent.change(cron, { target: { value: '30 7 * * 1-5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(await screen.findByText('Saved “Weekday lines”. It is in the list below.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2);
  });

  it('lists a report in words, with its failed run and its error, and opens its runs', async () => {
    signInAs('viewer');
    fakeApi({
      'GET /api/v1/reports': { status: 200, body: { reports: [saved] } },
      'GET /api/v1/aggregate': aggregate,
      'GET /api/v1/reports/3/runs': { status: 200, body: { runs: [run] } },
    });
    renderWithRouter(<ReportsPage />, '/reports');
    const item = await screen.findByRole('listitem', { name: 'Cardiology lines' });
    expect(within(item).getByText('Procedure lines by month; Department: CARD')).toBeInTheDocument();
    expect(item).toHaveTextContent('Last 12 months');
    expect(item).toHaveTextContent('Every Monday at 06:00');
    expect(item).toHaveTextContent(/next Mon 18 May 2026, \d\d:00/);
    expect(item).toHaveTextContent(/Last runFailed Wed 13 May 2026, \d\d:00The webhook answered 503 Service Unavailable\./);

    // A viewer cannot turn suppression off, and is told why.
    expect(screen.queryByLabelText('Hide small counts (suppression)')).toBeNull();
    expect(screen.getByText('Small counts are always hidden.')).toBeInTheDocument();

    fireEvent.click(within(item).getByRole('button', { name: 'Show runs of Cardiology lines' }));
    const runs = await within(item).findByRole('table', { name: 'Runs of Cardiology lines, newest first' });
    expect(within(runs).getAllByRole('row')[1]).toHaveTextContent(/Run by handFailedThe webhook answered 503 Service Unavailable\.3Apr 2026Not kept$/);
  });

  it('shows the list’s error with a Retry that asks again', async () => {
    signInAs('analyst');
    let answers = 0;
    fakeApi({
      'GET /api/v1/reports': () => (answers++ === 0 ? { status: 500, body: { statusCode: 500, message: 'The database is not answering.' } } : { status: 200, body: { reports: [saved] } }),
      'GET /api/v1/aggregate': aggregate,
    });
    renderWithRouter(<ReportsPage />, '/reports');
    const list = screen.getByRole('region', { name: 'Saved reports' });
    expect(await within(list).findByRole('alert')).toHaveTextContent('The database is not answering.');
    fireEvent.click(within(list).getByRole('button', { name: 'Retry' }));
    expect(await within(list).findByRole('listitem', { name: 'Cardiology lines' })).toBeInTheDocument();
  });

  it('edits a saved report in the builder and saves it with PATCH', async () => {
    signInAs('analyst');
    const patched: unknown[] = [];
    fakeApi({
      'GET /api/v1/reports': { status: 200, body: { reports: [saved] } },
      'GET /api/v1/aggregate': aggregate,
      'PATCH /api/v1/reports/3': (call) => {
        patched.push(call.body);
        return { status: 200, body: { ...saved, name: 'Cardiology lines by quarter' } };
      },
    });
    renderWithRouter(<ReportsPage />, '/reports');
    const item = await screen.findByRole('listitem', { name: 'Cardiology lines' });
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));

    const builder = screen.getByRole('region', { name: 'Edit “Cardiology lines”' });
    expect(within(builder).getByRole('checkbox', { name: 'Period' })).toBeChecked();
    expect(within(builder).getByRole('checkbox', { name: 'Department' })).not.toBeChecked();
    expect(within(builder).getByLabelText('Date range')).toHaveValue('last_12_months');
    expect(screen.getByTestId('location')).toHaveTextContent('/reports?department=CARD');
    fireEvent.change(within(builder).getByLabelText('Period grain'), { target: { value: 'quarter' } });

    const form = screen.getByRole('form', { name: 'Save the changes' });
    expect(within(form).getByLabelText('Name')).toHaveValue('Cardiology lines');
    expect(within(form).getByLabelText('Schedule')).toHaveValue('weekly');
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Cardiology lines by quarter' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved the changes to “Cardiology lines by quarter”.')).toBeInTheDocument();
    expect(patched[0]).toEqual({
      name: 'Cardiology lines by quarter',
      query: { measures: 'lines', groupBy: 'period', grain: 'quarter', department: 'CARD' },
      range: { preset: 'last_12_months' },
      format: 'csv',
      suppress: true,
      schedule: { frequency: 'weekly', cron: '' },
      writeFile: true,
      webhookUrl: null,
    });
    expect(screen.getByRole('region', { name: 'Build a report' })).toBeInTheDocument();
  });

  it('asks before deleting a report, and deletes it on Delete report', async () => {
    signInAs('analyst');
    let reports = [saved];
    const { calls } = fakeApi({
      'GET /api/v1/reports': () => ({ status: 200, body: { reports } }),
      'GET /api/v1/aggregate': aggregate,
      'DELETE /api/v1/reports/3': () => {
        reports = [];
        return { status: 204 };
      },
    });
    renderWithRouter(<ReportsPage />, '/reports');
    const item = await screen.findByRole('listitem', { name: 'Cardiology lines' });
    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Cardiology lines”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete report' }));
    expect(await screen.findByRole('heading', { name: 'No saved reports yet' })).toBeInTheDocument();
    expect(screen.getByText('Cardiology lines deleted.')).toBeInTheDocument();
  });
});
