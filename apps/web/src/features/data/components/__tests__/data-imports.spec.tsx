import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DataPage } from '../../../../pages/data-page';
import { fakeApi, importStatus, renderAt, signInAs } from './fakes';

describe('DataPage imports list', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('lists imports newest first with status, times, counts and new departments', async () => {
    signInAs('admin');
    fakeApi({
      'GET /api/v1/imports': {
        status: 200,
        body: {
          rows: [
            importStatus({ id: 7, fileName: 'march.csv', rowsTotal: 1250, rowsLoaded: 1249, rowsRejected: 1, departmentsCreated: ['ONC'], createdAt: '2026-03-07T10:00:00.000Z' }),
            importStatus({ id: 8, fileName: 'no-date.csv', status: 'failed', rowsTotal: 0, rowsLoaded: 0, rowsRejected: 0, error: 'The file lacks the required column service_date; nothing was imported.', createdAt: '2026-03-08T10:00:00.000Z' }),
          ],
        },
      },
    });
    renderAt('/data', <DataPage />);
    expect(screen.getByText('Loading imports…')).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: '2 imports, newest first' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['File', 'Status', 'Started', 'Finished', 'Rows', 'Loaded', 'Rejected', 'New departments']);
    const [failed, march] = within(table).getAllByRole('row').slice(1);
    expect(within(failed as HTMLElement).getByRole('rowheader')).toHaveTextContent('no-date.csv');
    expect(within(failed as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('FailedThe file lacks the required column service_date; nothing was imported.');
    expect(within(failed as HTMLElement).getAllByRole('cell').slice(3, 6).map((cell) => cell.textContent)).toEqual(['—', '—', '—']);
    expect(within(march as HTMLElement).getAllByRole('cell').slice(3).map((cell) => cell.textContent)).toEqual([
      '1,250',
      '1,249',
      '1 rejected row of march.csv: view them',
      'ONC',
    ]);

    fireEvent.click(within(march as HTMLElement).getByRole('link', { name: '1 rejected row of march.csv: view them' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/data?import=7');
  });

  it('says what to do next when there is no import yet', async () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);
    expect(await screen.findByRole('heading', { name: 'No imports yet' })).toBeInTheDocument();
    expect(screen.getByText(/Import an extract with the form above, or load demo data from the shell with/)).toHaveTextContent('npm run seed:demo');
  });

  it('does not offer a viewer the rejected rows', async () => {
    signInAs('viewer');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [importStatus()] } } });
    renderAt('/data', <DataPage />);
    const table = await screen.findByRole('table', { name: '1 import, newest first' });
    expect(within(table).queryByRole('link')).not.toBeInTheDocument();
  });

  it('asks again while an import runs, and stops once it ends', async () => {
    signInAs('admin');
    let status = importStatus({ status: 'running', progress: 0.3, finishedAt: null });
    const { calls } = fakeApi({ 'GET /api/v1/imports': () => ({ status: 200, body: { rows: [status] } }) });
    renderAt('/data', <DataPage />);
    expect(await screen.findByText('An import is running: this list refreshes by itself.')).toBeInTheDocument();
    status = importStatus();
    await waitFor(() => expect(screen.getByRole('table')).toHaveTextContent('Completed'), { timeout: 4000 });
    expect(screen.queryByText(/this list refreshes by itself/)).not.toBeInTheDocument();
    const asked = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(calls.length).toBe(asked);
  }, 10_000);

  it('offers a retry when the list cannot be loaded', async () => {
    signInAs('admin');
    let fail = true;
    fakeApi({
      'GET /api/v1/imports': () =>
        fail ? { status: 500, body: { statusCode: 500, message: 'Something went wrong on the server; it has been logged. Try again.' } } : { status: 200, body: { rows: [importStatus()] } },
    });
    renderAt('/data', <DataPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The imports could not be loaded');
    expect(alert).toHaveTextContent('Something went wrong on the server');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: '1 import, newest first' })).toBeInTheDocument();
  });
});
