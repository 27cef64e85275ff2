import type { ImportStatusResponse, Role } from '@caseload/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createQueryClient } from '../../../../api/query-client';
import { rememberSessionUser } from '../../../auth/utils/session-user';
import { setToken } from '../../../auth/utils/token-store';

export interface FakeAnswer {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON (a CSV file). */
  text?: string;
  headers?: Record<string, string>;
}

export interface FakeCall {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Stands in for the API's fetch requests: `METHOD /path` (query ignored) to an answer. Calls are recorded. */
export function fakeApi(routes: Record<string, FakeAnswer | ((call: FakeCall) => FakeAnswer)>) {
  const calls: FakeCall[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const call: FakeCall = { method: init.method ?? 'GET', url, headers: { ...(init.headers as Record<string, string>) } };
    calls.push(call);
    const route = routes[`${call.method} ${url.split('?')[0]}`];
    if (route === undefined) throw new Error(`no fake for ${call.method} ${url}`);
    const answer = typeof route === 'function' ? route(call) : route;
    const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: new Headers(answer.headers ?? {}),
      text: async () => text,
      blob: async () => new Blob([text], { type: answer.headers?.['Content-Type'] ?? 'application/json' }),
    };
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return { calls, fetchMock };
}

/**
 * XMLHttpRequest as far as the upload uses it: the test drives its upload progress and its
 * answer. Every request made is kept in `FakeXhr.requests`.
 */
export class FakeXhr extends EventTarget {
  static requests: FakeXhr[] = [];
  readonly upload = new EventTarget();
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  aborted = false;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: unknown): void {
    this.body = body;
    FakeXhr.requests.push(this);
  }

  abort(): void {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }

  progress(loaded: number, total: number): void {
    this.upload.dispatchEvent(new ProgressEvent('progress', { loaded, total, lengthComputable: true }));
  }

  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.dispatchEvent(new Event('load'));
  }

  static install(): void {
    FakeXhr.requests = [];
    Object.assign(globalThis, { XMLHttpRequest: FakeXhr });
  }
}

export function signInAs(role: Role, departments: string[] = []): void {
  rememberSessionUser(`token-${role}`, { id: 1, email: `${role}@example.test`, role, departments });
  setToken(`token-${role}`);
}

export function importStatus(overrides: Partial<ImportStatusResponse> = {}): ImportStatusResponse {
  return {
    id: 7,
    status: 'completed',
    fileName: 'march.csv',
    progress: 1,
    rowsTotal: 4,
    rowsLoaded: 3,
    rowsRejected: 1,
    departmentsCreated: [],
    unknownColumns: [],
    error: null,
    createdAt: '2026-03-07T10:00:00.000Z',
    finishedAt: '2026-03-07T10:00:02.000Z',
    ...overrides,
  };
}

function CurrentLocation() {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
}

/** The page at `path` with the app's query client (retries off, so errors show at once). */
export function renderAt(path: string, page: ReactElement) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/data" element={page} />
        </Routes>
        <CurrentLocation />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

export function csvFile(name: string, content: string, type = 'text/csv'): File {
  return new File([content], name, { type });
}
