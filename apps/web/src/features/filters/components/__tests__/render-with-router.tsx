import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { createQueryClient } from '../../../../api/query-client';

function CurrentLocation() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <p data-testid="location">{`${location.pathname}${location.search}`}</p>
      <button type="button" onClick={() => navigate(-1)}>
        History back
      </button>
    </>
  );
}

/** `ui` at `path`, with the app's query client (retries off, so errors show at once), the address shown and a Back button. */
export function renderWithRouter(ui: ReactElement, path = '/') {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        {ui}
        <CurrentLocation />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

export interface AggregateCall {
  url: string;
  params: URLSearchParams;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
}

/**
 * Stands in for GET /api/v1/aggregate: `answer` decides from the query parameters. Calls
 * are recorded in order.
 */
export function fakeAggregate(answer: (params: URLSearchParams) => FakeAnswer) {
  const calls: AggregateCall[] = [];
  const fetchMock = jest.fn(async (url: string) => {
    const [path, query = ''] = url.split('?');
    if (path !== '/api/v1/aggregate') throw new Error(`no fake for ${url}`);
    const params = new URLSearchParams(query);
    calls.push({ url, params });
    const { status, body } = answer(params);
    return { ok: status >= 200 && status < 300, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) };
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return { calls, fetchMock };
}

/** Today on the test's clock: only `Date` is faked, so promises and React's timers run as usual. */
export function setToday(isoDate: string): void {
  jest.useFakeTimers({
    now: new Date(`${isoDate}T12:00:00`),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'hrtime', 'performance'],
  });
}
