import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DataPage } from '../../../../pages/data-page';
import { csvFile, FakeXhr, fakeApi, importStatus, renderAt, signInAs } from './fakes';

const CSV = 'encounter_id,patient_id,service_date,department,code\nE1,P1,2025-01-05,CARD,99213\n';

const uploadCard = () => screen.getByRole('region', { name: 'Import a CSV file' });
const fileInput = () => screen.getByTestId('csv-file-input') as HTMLInputElement;
const choose = (file: File) => fireEvent.change(fileInput(), { target: { files: [file] } });

describe('DataPage upload', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    FakeXhr.install();
  });

  it('refuses a file that is not a CSV, or is empty, before sending anything', async () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);

    choose(csvFile('march.xlsx', 'not a csv'));
    expect(within(uploadCard()).getByRole('alert')).toHaveTextContent('march.xlsx is not a CSV file');
    expect(screen.getByRole('button', { name: 'Choose a CSV file…' })).toHaveAccessibleDescription(/march\.xlsx is not a CSV file/);
    expect(screen.queryByRole('button', { name: 'Import file' })).not.toBeInTheDocument();

    choose(csvFile('empty.csv', ''));
    expect(within(uploadCard()).getByRole('alert')).toHaveTextContent('empty.csv is empty');
    expect(FakeXhr.requests).toHaveLength(0);
  });

  it('refuses a drop of several files, and takes a single dropped CSV', () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);
    const zone = screen.getByText('Drop a CSV file here').closest('.data-dropzone') as HTMLElement;

    fireEvent.drop(zone, { dataTransfer: { files: [csvFile('a.csv', CSV), csvFile('b.csv', CSV)], types: ['Files'] } });
    expect(within(uploadCard()).getByRole('alert')).toHaveTextContent('2 files were dropped; import one CSV file at a time.');

    fireEvent.drop(zone, { dataTransfer: { files: [csvFile('march.csv', CSV)], types: ['Files'] } });
    expect(within(uploadCard()).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(uploadCard()).getByText('march.csv')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import file' })).toBeInTheDocument();
  });

  it('uploads as multipart with the token, shows the upload and then the processing progress, and ends with the counts', async () => {
    signInAs('admin');
    let status = importStatus({ status: 'running', progress: 0.5, rowsLoaded: 2, rowsRejected: 1, finishedAt: null });
    const { calls } = fakeApi({
      'GET /api/v1/imports': () => ({ status: 200, body: { rows: [status] } }),
      'GET /api/v1/imports/7': () => ({ status: 200, body: status }),
    });
    renderAt('/data', <DataPage />);

    const file = csvFile('march.csv', CSV);
    choose(file);
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));

    const [request] = FakeXhr.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v1/imports', headers: { Authorization: 'Bearer token-admin' } });
    const sent = (request?.body as FormData).get('file') as File;
    expect([sent.name, sent.size]).toEqual(['march.csv', file.size]);

    act(() => request?.progress(40, 100));
    const bar = screen.getByRole('progressbar', { name: 'Step 1 of 2: Uploading' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuetext', '40% · 40 bytes of 100 bytes sent');
    expect(screen.getByRole('button', { name: 'Cancel upload' })).toBeInTheDocument();

    act(() => request?.progress(100, 100));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'File sent; checking its header');
    expect(screen.queryByRole('button', { name: 'Cancel upload' })).not.toBeInTheDocument();

    act(() => request?.respond(202, { id: 7 }));
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Step 2 of 2: Loading rows' })).toHaveAttribute('aria-valuenow', '50'));
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '50% · 2 lines loaded, 1 rejected');
    // Nothing announced while it runs: the bar speaks for itself.
    expect(within(uploadCard()).getByRole('status')).toHaveTextContent(/^$/);

    status = importStatus();
    await waitFor(() => expect(within(uploadCard()).getByRole('status')).toHaveTextContent('march.csv: Loaded 3 lines, 1 rejected.'), { timeout: 3000 });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(uploadCard()).getByText('Loaded 3 lines, 1 rejected')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'See the rejected rows' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/data?import=7');
    expect(calls.filter((call) => call.url === '/api/v1/imports/7').length).toBeGreaterThanOrEqual(2);
  });

  it('shows the API’s refusal of the file, naming the missing column', async () => {
    signInAs('analyst');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);

    choose(csvFile('no-date.csv', 'encounter_id,patient_id,department,code\nE1,P1,CARD,99213\n'));
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    act(() =>
      FakeXhr.requests[0]?.respond(400, {
        statusCode: 400,
        code: 'IMPORT_REFUSED',
        message: 'The file lacks the required column service_date; nothing was imported.',
      }),
    );

    expect(await within(uploadCard()).findByText('The file was not imported')).toBeInTheDocument();
    expect(within(uploadCard()).getByRole('status')).toHaveTextContent('no-date.csv: The file was not imported. The file lacks the required column service_date; nothing was imported.');
    fireEvent.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(screen.getByRole('button', { name: 'Choose a CSV file…' })).toHaveFocus();
  });

  it('cancels an upload on its way', async () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);
    choose(csvFile('march.csv', CSV));
    fireEvent.click(screen.getByRole('button', { name: 'Import file' }));
    act(() => FakeXhr.requests[0]?.progress(10, 100));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel upload' }));

    expect(FakeXhr.requests[0]?.aborted).toBe(true);
    expect(await within(uploadCard()).findByText('Upload cancelled')).toBeInTheDocument();
  });

  it('tells a viewer why they cannot import, instead of offering the control', async () => {
    signInAs('viewer');
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);
    expect(within(uploadCard()).getByText('You cannot import files with this account')).toBeInTheDocument();
    expect(within(uploadCard()).getByText(/viewer account can follow imports but not start one/)).toBeInTheDocument();
    expect(screen.queryByTestId('csv-file-input')).not.toBeInTheDocument();
    expect(await screen.findByText(/Imports that an analyst or an administrator runs are listed here/)).toBeInTheDocument();
  });

  it('tells an analyst limited to departments why they cannot import', () => {
    signInAs('analyst', ['CARD']);
    fakeApi({ 'GET /api/v1/imports': { status: 200, body: { rows: [] } } });
    renderAt('/data', <DataPage />);
    expect(within(uploadCard()).getByText(/limited to CARD, and a file may hold lines of any department/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Choose a CSV file/ })).not.toBeInTheDocument();
  });
});
