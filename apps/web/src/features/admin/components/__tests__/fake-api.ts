import { setToken } from '../../../auth/utils/token-store';
import { rememberSessionUser } from '../../../auth/utils/session-user';
import type { Role } from '@caseload/contracts';

export interface FakeAnswer {
  status: number;
  body?: unknown;
}

export interface FakeCall {
  method: string;
  url: string;
  body: unknown;
}

type Handler = (call: FakeCall) => FakeAnswer;

/**
 * Stands in for the API: each request goes to the first handler whose `METHOD /path`
 * (query string ignored) matches. Calls are recorded in order.
 */
export function fakeApi(routes: Record<string, Handler | FakeAnswer>) {
  const calls: FakeCall[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const call: FakeCall = { method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const path = url.split('?')[0];
    const route = routes[`${method} ${path}`];
    if (route === undefined) throw new Error(`no fake for ${method} ${url}`);
    const answer = typeof route === 'function' ? route(call) : route;
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      text: async () => (answer.body === undefined ? '' : JSON.stringify(answer.body)),
    };
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return { calls, fetchMock };
}

/** Signs in as the login answer would: a token and the user it belongs to. */
export function signInAs(role: Role, id = 1): void {
  rememberSessionUser(`token-${role}`, { id, email: `${role}@example.test`, role, departments: [] });
  setToken(`token-${role}`);
}

/** jsdom has `<dialog>` without its modal methods; browsers have both. */
export function stubModalDialogs(): void {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    },
  });
}
