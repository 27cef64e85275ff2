import { ApiError } from '../../api/api-error';
import { getSignOutReason, getToken, setToken } from '../../features/auth/utils/token-store';
import { exportFileName, exportUrl, fetchExport, fileNameOf, saveBlob, slugify } from '../export-download';

interface Answer {
  status: number;
  text?: string;
  headers?: Record<string, string>;
}

function fakeFetch(answer: Answer | Error) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (answer instanceof Error) throw answer;
    const text = answer.text ?? '';
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: new Headers(answer.headers ?? {}),
      text: async () => text,
      blob: async () => new Blob([text], { type: answer.headers?.['Content-Type'] ?? '' }),
    };
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return calls;
}

/** jsdom's Blob has no text(): read it as a browser would. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

const query = {
  measures: ['lines'],
  groupBy: ['period', 'section'],
  grain: 'month',
  from: '2025-03-01',
  to: '2026-02-28',
  department: ['CARD', 'RAD'],
} as const;

describe('exportUrl', () => {
  it('asks /api/v1/export with the aggregate parameters of the card and the format', () => {
    expect(exportUrl(query, 'csv')).toBe('/api/v1/export?measures=lines&groupBy=period,section&grain=month&from=2025-03-01&to=2026-02-28&department=CARD,RAD&format=csv');
  });

  it('keeps compare, orderBy and limit, which decide the rows of the file', () => {
    expect(exportUrl({ measures: ['lines'], groupBy: ['code'], compare: 'previous_year', orderBy: '-lines', limit: 20 }, 'xlsx')).toBe(
      '/api/v1/export?measures=lines&groupBy=code&compare=previous_year&orderBy=-lines&limit=20&format=xlsx',
    );
  });

  it('adds the byte-order mark to CSV only, and asks for no suppression only when told', () => {
    expect(exportUrl({ measures: ['lines'] }, 'csv', { bom: true })).toBe('/api/v1/export?measures=lines&format=csv&bom=true');
    expect(exportUrl({ measures: ['lines'] }, 'pdf', { bom: true })).toBe('/api/v1/export?measures=lines&format=pdf');
    expect(exportUrl({ measures: ['lines'] }, 'pdf', { suppress: false })).toBe('/api/v1/export?measures=lines&format=pdf&suppress=false');
    expect(exportUrl({ measures: ['lines'] }, 'pdf', { suppress: true })).toBe('/api/v1/export?measures=lines&format=pdf');
  });
});

describe('file names', () => {
  it('names a card’s file after the card and its dates', () => {
    expect(exportFileName('Procedure lines by month', query, 'csv')).toBe('caseload-procedure-lines-by-month-2025-03-01-2026-02-28.csv');
    expect(exportFileName('Top codes in Pathology & laboratory', {}, 'png')).toBe('caseload-top-codes-in-pathology-laboratory.png');
  });

  it('makes any title safe in a file name', () => {
    expect(slugify('  Évaluation & management: 99213 / “new”  ')).toBe('evaluation-management-99213-new');
    expect(slugify('—')).toBe('export');
    expect(slugify('a'.repeat(120))).toHaveLength(80);
  });

  it('reads the server’s file name from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="caseload-lines-2025-01-01-2025-12-31.csv"')).toBe('caseload-lines-2025-01-01-2025-12-31.csv');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('fetchExport', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('sends the session’s token and returns the file the server wrote', async () => {
    setToken('token-viewer');
    const calls = fakeFetch({ status: 200, text: 'period,lines\r\n2025-03,12\r\n', headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="caseload-lines.csv"' } });
    const file = await fetchExport(query, 'csv');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(exportUrl(query, 'csv'));
    expect(calls[0]?.init.headers).toEqual({ Accept: 'text/csv, application/json', Authorization: 'Bearer token-viewer' });
    expect(await readBlob(file.blob)).toBe('period,lines\r\n2025-03,12\r\n');
    expect(file.serverFileName).toBe('caseload-lines.csv');
  });

  it('turns a refusal into an error that carries the server’s message', async () => {
    setToken('token-viewer');
    fakeFetch({ status: 400, text: JSON.stringify({ statusCode: 400, code: 'invalid_parameter', message: 'suppress: small-cell suppression is always applied for viewers' }) });
    const failure = fetchExport(query, 'xlsx', { suppress: false });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, message: 'suppress: small-cell suppression is always applied for viewers' });
    expect(getToken()).toBe('token-viewer');
  });

  it('ends the session on a 401, as every request does', async () => {
    setToken('token-old');
    fakeFetch({ status: 401, text: JSON.stringify({ statusCode: 401, message: 'Sign in again.' }) });
    await expect(fetchExport(query, 'pdf')).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(getSignOutReason()).toBe('expired');
  });

  it('says when the server cannot be reached', async () => {
    fakeFetch(new TypeError('Failed to fetch'));
    await expect(fetchExport(query, 'csv')).rejects.toMatchObject({ status: 0, message: 'Cannot reach the Caseload server. Check your connection and try again.' });
  });
});

describe('saveBlob', () => {
  it('downloads the blob through an object URL under the name given, and releases the URL later', () => {
    jest.useFakeTimers();
    const blob = new Blob(['x']);
    const revoke = jest.fn();
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:file'), revokeObjectURL: revoke });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    saveBlob(blob, 'caseload-top-codes.csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({ href: 'blob:file', download: 'caseload-top-codes.csv' });
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    jest.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:file');
    click.mockRestore();
    jest.useRealTimers();
  });
});
