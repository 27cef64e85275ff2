import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from '../../../../pages/login-page';
import { AppHeader } from '../../../shell/components/app-header';
import { clearToken, setToken } from '../../utils/token-store';
import { RequireAuth } from '../require-auth';

const PASSWORD_ONLY = { password: true, oidc: { enabled: false, label: '' } };

/** The server: sign-in options, and a sign-in answering for `user`. */
function serverSigningIn(user: { id: number; email: string; role: string }) {
  const reply = (body: unknown) => ({ ok: true, status: 200, text: async () => JSON.stringify(body) });
  Object.assign(globalThis, {
    fetch: jest.fn((url: string) =>
      Promise.resolve(url === '/api/v1/auth/options' ? reply(PASSWORD_ONLY) : reply({ accessToken: `header.${user.id}.signature`, user: { ...user, departments: [] } })),
    ),
  });
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

/** The app's shape: the login page, and every other page behind the sign-in with the header above it. */
function renderApp(start: string) {
  render(
    <MemoryRouter initialEntries={[start]}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={
            <RequireAuth>
              <AppHeader />
            </RequireAuth>
          }
        />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

const where = () => screen.getByTestId('where').textContent;

async function signInThroughForm(email: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a password' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  });
}

describe('signing out and in again', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('sends the next person to sign in to the Overview, not to the page the previous one left', async () => {
    act(() => setToken('header.1.signature'));
    renderApp('/admin/audit?action=user.disabled');
    expect(where()).toBe('/admin/audit?action=user.disabled');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    });
    expect(where()).toBe('/login');

    serverSigningIn({ id: 2, email: 'viewer@hospital.test', role: 'viewer' });
    await signInThroughForm('viewer@hospital.test');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(where()).toBe('/');
  });

  it('returns to the page that was open when the session expired', async () => {
    act(() => setToken('header.1.signature'));
    renderApp('/volume?range=last_quarter');

    act(() => clearToken('expired'));
    expect(where()).toBe('/login');

    serverSigningIn({ id: 1, email: 'analyst@hospital.test', role: 'analyst' });
    await signInThroughForm('analyst@hospital.test');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(where()).toBe('/volume?range=last_quarter');
  });
});
