import { clearToken, setToken } from '../token-store';
import { getSessionUser, isAdmin, rememberSessionUser } from '../session-user';

const admin = { id: 1, email: 'admin@example.test', role: 'admin' as const, departments: [] };

describe('session user', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('knows the signed-in user while their token is the session token', () => {
    rememberSessionUser('token-1', admin);
    setToken('token-1');
    expect(getSessionUser()).toEqual(admin);
    expect(isAdmin(getSessionUser())).toBe(true);
  });

  it('forgets the user when the session ends or another token replaces it', () => {
    rememberSessionUser('token-1', admin);
    setToken('token-1');
    clearToken('expired');
    expect(getSessionUser()).toBeNull();
    setToken('token-2');
    expect(getSessionUser()).toBeNull();
    expect(isAdmin(getSessionUser())).toBe(false);
  });

  it('ignores a stored value it cannot trust', () => {
    setToken('token-1');
    window.sessionStorage.setItem('caseload.sessionUser', JSON.stringify({ token: 'token-1', user: { ...admin, role: 'owner' } }));
    expect(getSessionUser()).toBeNull();
    window.sessionStorage.setItem('caseload.sessionUser', '{not json');
    expect(getSessionUser()).toBeNull();
  });

  it('treats an analyst or a viewer as not an admin', () => {
    expect(isAdmin({ ...admin, role: 'analyst' })).toBe(false);
    expect(isAdmin({ ...admin, role: 'viewer' })).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });
});
