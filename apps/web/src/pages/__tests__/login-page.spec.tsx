import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { LoginPage } from '../login-page';

interface FakeAnswer {
  status: number;
  body: unknown;
}

const PASSWORD_ONLY = { password: true, oidc: { enabled: false, label: '' } };

/** `answer` for the API calls under test; the page's own question about sign-in options gets `options`. */
function mockFetch(answer: FakeAnswer, options: unknown = PASSWORD_ONLY): jest.Mock {
  const reply = ({ status, body }: FakeAnswer) => ({ ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) });
  const fetchMock = jest.fn((url: string) => Promise.resolve(url === '/api/v1/auth/options' ? reply({ status: 200, body: options }) : reply(answer)));
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

/** The calls the page made, without the sign-in options it asks for on load. */
const apiCalls = (fetchMock: jest.Mock) => fetchMock.mock.calls.filter(([url]) => url !== '/api/v1/auth/options');

function CurrentPath() {
  return <p data-testid="path">{useLocation().pathname}</p>;
}

/** The login page in front of a protected page, starting where a signed-out user lands. */
function renderLogin() {
  // Declarative routing: jsdom has no fetch Request, which react-router's data routers need.
  render(
    <MemoryRouter initialEntries={['/volume']}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/volume"
          element={
            <RequireAuth>
              <h1>Volume page</h1>
            </RequireAuth>
          }
        />
      </Routes>
      <CurrentPath />
    </MemoryRouter>,
  );
}

const currentPath = () => screen.getByTestId('path').textContent;

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('signs in, keeps the token for the session and returns to the page asked for', async () => {
    const fetchMock = mockFetch({ status: 200, body: { accessToken: 'header.payload.signature' } });
    renderLogin();
    expect(currentPath()).toBe('/login');

    signIn(' admin@caseload.test ', 'correct horse');

    expect(await screen.findByRole('heading', { name: 'Volume page' })).toBeInTheDocument();
    expect(currentPath()).toBe('/volume');
    expect(window.sessionStorage.getItem('caseload.accessToken')).toBe('header.payload.signature');

    expect(apiCalls(fetchMock)).toHaveLength(1);
    const [url, init] = apiCalls(fetchMock)[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/v1/auth/login');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ email: 'admin@caseload.test', password: 'correct horse' });
    expect(init.headers['Content-Type']).toBe('application/json');
  });

  it('says so when the email or password is wrong, and keeps what was typed', async () => {
    mockFetch({ status: 401, body: { statusCode: 401, message: 'Unauthorized' } });
    renderLogin();

    signIn('admin@caseload.test', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is not right');
    expect(screen.getByLabelText('Email')).toHaveValue('admin@caseload.test');
    expect(window.sessionStorage.getItem('caseload.accessToken')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('asks to wait after too many attempts', async () => {
    mockFetch({ status: 429, body: { statusCode: 429, message: 'ThrottlerException: Too Many Requests' } });
    renderLogin();

    signIn('admin@caseload.test', 'again');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, wait a minute');
  });

  it('offers single sign-on when the server has it, as a link that starts it', async () => {
    mockFetch({ status: 200, body: {} }, { password: true, oidc: { enabled: true, label: 'Hospital ID' } });
    renderLogin();
    expect(await screen.findByRole('link', { name: 'Sign in with Hospital ID' })).toHaveAttribute('href', '/api/v1/auth/oidc/login');
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });

  it('offers the password form alone when the server has no single sign-on', async () => {
    const fetchMock = mockFetch({ status: 200, body: {} });
    renderLogin();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/options', expect.anything()));
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });

  it('signs in with the token single sign-on left in the fragment, and goes into the app', async () => {
    mockFetch({ status: 200, body: { id: 4, email: 'card.analyst@hospital.test', role: 'analyst', departments: ['CARD'] } });
    window.history.replaceState(null, '', '/login#sso=header.payload.signature');
    renderLogin();
    expect(await screen.findByRole('heading', { name: 'Volume page' })).toBeInTheDocument();
    expect(window.sessionStorage.getItem('caseload.accessToken')).toBe('header.payload.signature');
    expect(window.location.hash).toBe('');
  });

  it('shows why single sign-on failed', async () => {
    mockFetch({ status: 200, body: {} });
    window.history.replaceState(null, '', '/login#sso_error=This%20Caseload%20account%20is%20disabled.');
    renderLogin();
    expect(await screen.findByRole('alert')).toHaveTextContent('This Caseload account is disabled.');
    expect(window.location.hash).toBe('');
  });
});
