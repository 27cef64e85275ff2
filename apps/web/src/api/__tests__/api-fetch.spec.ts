import { ApiError } from '../api-error';
import { apiFetch } from '../api-fetch';
import { getSignOutReason, getToken, setToken } from '../../features/auth/utils/token-store';

interface FakeAnswer {
  status: number;
  body?: unknown;
}

function mockFetch(answer: FakeAnswer): jest.Mock {
  const fetchMock = jest.fn().mockResolvedValue({
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    text: async () => (answer.body === undefined ? '' : JSON.stringify(answer.body)),
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

describe('apiFetch', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('sends the bearer token and parses JSON', async () => {
    setToken('abc.def');
    const fetchMock = mockFetch({ status: 200, body: { rows: [] } });

    await expect(apiFetch('/api/v1/aggregate')).resolves.toEqual({ rows: [] });

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/v1/aggregate');
    expect(init.method).toBe('GET');
    expect(init.headers['Authorization']).toBe('Bearer abc.def');
  });

  it('sends a JSON body as POST', async () => {
    const fetchMock = mockFetch({ status: 200, body: { ok: true } });
    await apiFetch('/api/v1/things', { json: { a: 1 } });
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.headers['Authorization']).toBeUndefined();
  });

  it("throws the API's message with its status", async () => {
    setToken('abc.def');
    mockFetch({ status: 400, body: { statusCode: 400, message: 'measures: unknown measure "foo"' } });
    await expect(apiFetch('/api/v1/aggregate')).rejects.toEqual(new ApiError(400, 'measures: unknown measure "foo"'));
    expect(getToken()).toBe('abc.def');
  });

  it('drops the token when the session has ended (401)', async () => {
    setToken('abc.def');
    mockFetch({ status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    await expect(apiFetch('/api/v1/aggregate')).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(getSignOutReason()).toBe('expired');
  });

  it('reports a network failure as status 0 with a readable message', async () => {
    Object.assign(globalThis, { fetch: jest.fn().mockRejectedValue(new TypeError('Failed to fetch')) });
    await expect(apiFetch('/api/v1/aggregate')).rejects.toEqual(
      new ApiError(0, 'Cannot reach the Caseload server. Check your connection and try again.'),
    );
  });
});
