import { ApiError } from '../../../../api/api-error';
import { getToken, setToken } from '../../../auth/utils/token-store';
import { FakeXhr } from '../../components/__tests__/fakes';
import { fileNameOf } from '../imports-api';
import { uploadCsv } from '../upload-csv';

const file = () => new File(['encounter_id\n'], 'a.csv', { type: 'text/csv' });

describe('uploadCsv', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    FakeXhr.install();
  });

  it('reports progress and resolves with the id of the import the server started', async () => {
    setToken('token-1');
    const seen: Array<[number, number]> = [];
    const done = uploadCsv(file(), { onProgress: (loaded, total) => seen.push([loaded, total]) });
    const request = FakeXhr.requests[0] as FakeXhr;
    expect(request.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer token-1' });
    request.progress(5, 13);
    request.progress(13, 13);
    request.respond(202, { id: 41 });
    await expect(done).resolves.toEqual({ id: 41 });
    expect(seen).toEqual([
      [5, 13],
      [13, 13],
    ]);
  });

  it('turns a refusal into an ApiError with the server’s message', async () => {
    const done = uploadCsv(file());
    FakeXhr.requests[0]?.respond(413, { statusCode: 413, message: 'The file is larger than the upload limit of 4 GiB; split it into smaller files and import each.' });
    await expect(done).rejects.toEqual(new ApiError(413, 'The file is larger than the upload limit of 4 GiB; split it into smaller files and import each.'));
  });

  it('ends the session on a 401, as every other request does', async () => {
    setToken('token-old');
    const done = uploadCsv(file());
    FakeXhr.requests[0]?.respond(401, { statusCode: 401, message: 'Sign in again.' });
    await expect(done).rejects.toBeInstanceOf(ApiError);
    expect(getToken()).toBeNull();
  });

  it('says the server was not reached on a network error', async () => {
    const done = uploadCsv(file());
    FakeXhr.requests[0]?.dispatchEvent(new Event('error'));
    await expect(done).rejects.toEqual(new ApiError(0, 'The upload did not reach the Caseload server. Check your connection and try again.'));
  });

  it('rejects with an AbortError when cancelled, and does not start when already cancelled', async () => {
    const controller = new AbortController();
    const done = uploadCsv(file(), { signal: controller.signal });
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeXhr.requests[0]?.aborted).toBe(true);
    await expect(uploadCsv(file(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeXhr.requests).toHaveLength(1);
  });

  it('does not take an accepted answer without an id for a success', async () => {
    const done = uploadCsv(file());
    FakeXhr.requests[0]?.respond(202, {});
    await expect(done).rejects.toMatchObject({ status: 502 });
  });
});

describe('fileNameOf', () => {
  it('reads the file name of a Content-Disposition header, else falls back', () => {
    expect(fileNameOf('attachment; filename="import-7-rejections.csv"', 'x.csv')).toBe('import-7-rejections.csv');
    expect(fileNameOf('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
    expect(fileNameOf('attachment', 'x.csv')).toBe('x.csv');
  });
});
