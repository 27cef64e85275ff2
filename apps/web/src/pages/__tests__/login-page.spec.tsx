import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { RequireAuth } from '../../features/auth/components/require-auth';
import { LoginPage } from '../login-page';

interface FakeAnswer {
  status: number;
  body: unknown;
}

function mockFetch(answer: FakeAnswer): jest.Mock {
  const fetchMock = jest.fn().mockResolvedValue({
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    text: async () => JSON.stringify(answer.body),
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

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
  beforeEach(() => window.sessionStorage.clear());

  it('signs in, keeps the token for the session and returns to the page asked for', async () => {
    const fetchMock = mockFetch({ status: 200, body: { accessToken: 'header.payload.signature' } });
    renderLogin();
    expect(currentPath()).toBe('/login');

    signIn(' admin@caseload.test ', 'correct horse');

    expect(await screen.findByRole('heading', { name: 'Volume page' })).toBeInTheDocument();
    expect(currentPath()).toBe('/volume');
    expect(window.sessionStorage.getItem('caseload.accessToken')).toBe('header.payload.signature');

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
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
});
