import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DataPage } from '../../../../pages/data-page';
import { fakeApi, importStatus, renderAt, signInAs } from './fakes';

function rejection(rowNumber: number) {
  return { rowNumber, column: 'service_date', reason: `service_date must be a date written YYYY-MM-DD or MM/DD/YYYY; got "bad ${rowNumber}"`, raw: `E${rowNumber},***,bad ${rowNumber},CARD,99213` };
}

/** jsdom's Blob has no text(); FileReader reads it. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('DataPage rejections', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('opens the rejections of the import in the address, with row, column, reason and the line as sent', async () => {
    signInAs('analyst');
    const { calls } = fakeApi({
      'GET /api/v1/imports/7': { status: 200, body: importStatus() },
      'GET /api/v1/imports/7/rejections': { status: 200, body: { rows: [{ rowNumber: 4, column: 'service_date', reason: 'service_date must be a date written YYYY-MM-DD or MM/DD/YYYY; got "5 Jan 2023"', raw: 'BD-E3,***,5 Jan 2023,CARD,99213' }] } },
    });
    renderAt('/data?import=7', <DataPage />);

    const heading = await screen.findByRole('heading', { name: 'Rejected rows of march.csv' });
    expect(heading).toHaveFocus();
    const table = await screen.findByRole('table', { name: '1 rejected row' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Row', 'Column', 'Reason', 'Line as sent']);
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByRole('rowheader')).toHaveTextContent('4');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'service_date',
      'service_date must be a date written YYYY-MM-DD or MM/DD/YYYY; got "5 Jan 2023"',
      'BD-E3,***,5 Jan 2023,CARD,99213',
    ]);
    expect(within(row).getByText('BD-E3,***,5 Jan 2023,CARD,99213').tagName).toBe('CODE');
    expect(calls.map((call) => call.url)).toContain('/api/v1/imports/7/rejections?limit=50&offset=0');
    // No pager for a single page.
    expect(screen.queryByRole('navigation', { name: 'Pages of rejected rows' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('link', { name: '← All imports' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/data$/);
  });

  it('pages through a long list, keeping the page in the address', async () => {
    signInAs('admin');
    const { calls } = fakeApi({
      'GET /api/v1/imports/7': { status: 200, body: importStatus({ rowsTotal: 500, rowsLoaded: 380, rowsRejected: 120 }) },
      'GET /api/v1/imports/7/rejections': ({ url }) => {
        const offset = Number(new URL(url, 'http://x').searchParams.get('offset'));
        const limit = Number(new URL(url, 'http://x').searchParams.get('limit'));
        return { status: 200, body: { rows: Array.from({ length: Math.min(limit, 120 - offset) }, (_, i) => rejection(offset + i + 2)) } };
      },
    });
    renderAt('/data?import=7&page=2', <DataPage />);

    expect(await screen.findByRole('table', { name: 'Rejected rows 51–100 of 120' })).toBeInTheDocument();
    expect(calls.map((call) => call.url)).toContain('/api/v1/imports/7/rejections?limit=50&offset=50');
    const pager = screen.getByRole('navigation', { name: 'Pages of rejected rows' });
    expect(within(pager).getByText('Page 2 of 3')).toBeInTheDocument();

    fireEvent.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/data?import=7&page=3');
    expect(await screen.findByRole('table', { name: 'Rejected rows 101–120 of 120' })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(21);
    expect(within(pager).getByRole('button', { name: 'Next page' })).toBeDisabled();

    fireEvent.click(within(pager).getByRole('button', { name: 'Previous page' }));
    fireEvent.click(await within(pager).findByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/data\?import=7$/));
  });

  it('downloads the rejections as the API’s CSV, sending the token', async () => {
    signInAs('admin');
    const csv = 'row_number,column,reason,raw\r\n4,service_date,bad date,"BD-E3,***"\r\n';
    const { calls } = fakeApi({
      'GET /api/v1/imports/7': { status: 200, body: importStatus() },
      'GET /api/v1/imports/7/rejections': ({ url }) =>
        url.includes('format=csv')
          ? { status: 200, text: csv, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="import-7-rejections.csv"' } }
          : { status: 200, body: { rows: [rejection(4)] } },
    });
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((blob: Blob) => (created.push(blob), 'blob:rejections')), revokeObjectURL: jest.fn() });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    renderAt('/data?import=7', <DataPage />);

    fireEvent.click(await screen.findByRole('button', { name: 'Download rejections (CSV)' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    const download = calls.find((call) => call.url.includes('format=csv'));
    expect(download).toEqual({ method: 'GET', url: '/api/v1/imports/7/rejections?format=csv', headers: { Accept: 'text/csv', Authorization: 'Bearer token-admin' } });
    expect(clicks[0]).toMatchObject({ download: 'import-7-rejections.csv', href: 'blob:rejections' });
    expect(await readBlob(created[0] as Blob)).toBe(csv);
    expect(await screen.findByText('Saved import-7-rejections.csv.')).toHaveAttribute('role', 'status');
    click.mockRestore();
  });

  it('says why a download failed', async () => {
    signInAs('admin');
    fakeApi({
      'GET /api/v1/imports/7': { status: 200, body: importStatus() },
      'GET /api/v1/imports/7/rejections': ({ url }) =>
        url.includes('format=csv') ? { status: 500, body: { statusCode: 500, message: 'Something went wrong on the server; it has been logged. Try again.' } } : { status: 200, body: { rows: [rejection(4)] } },
    });
    renderAt('/data?import=7', <DataPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download rejections (CSV)' }));
    expect(await screen.findByText('The download failed: Something went wrong on the server; it has been logged. Try again.')).toBeInTheDocument();
  });

  it('says when an import had no rejected rows, without asking for them', async () => {
    signInAs('admin');
    const { calls } = fakeApi({ 'GET /api/v1/imports/7': { status: 200, body: importStatus({ rowsRejected: 0, rowsLoaded: 4 }) } });
    renderAt('/data?import=7', <DataPage />);
    expect(await screen.findByRole('heading', { name: 'No rows were rejected' })).toBeInTheDocument();
    expect(screen.getByText('Every line of the file was loaded: 4 lines.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Download/ })).not.toBeInTheDocument();
    expect(calls.some((call) => call.url.includes('/rejections'))).toBe(false);
  });

  it('says plainly when the import does not exist', async () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/imports/99': { status: 404, body: { statusCode: 404, message: 'There is no import with id 99.' } } });
    renderAt('/data?import=99', <DataPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This import cannot be found');
    expect(alert).toHaveTextContent('There is no import with id 99.');
  });

  it('tells a viewer why the rejected rows are not shown, without asking the API', () => {
    signInAs('viewer');
    const { fetchMock } = fakeApi({});
    renderAt('/data?import=7', <DataPage />);
    expect(screen.getByRole('heading', { name: 'You cannot see rejected rows' })).toBeInTheDocument();
    expect(screen.getByText(/Rejected rows hold record-level data, so viewers cannot see them/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
