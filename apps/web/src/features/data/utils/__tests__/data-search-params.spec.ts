import { dataViewSearch, readDataView } from '../data-search-params';
import { rejectionsAccess, uploadAccess } from '../data-access';

describe('readDataView / dataViewSearch', () => {
  it('reads the open import and its page from the address', () => {
    expect(readDataView(new URLSearchParams('import=12&page=3'))).toEqual({ importId: 12, page: 3 });
    expect(readDataView(new URLSearchParams('import=12'))).toEqual({ importId: 12, page: 1 });
  });

  it('ignores values that are not positive whole numbers', () => {
    expect(readDataView(new URLSearchParams('import=abc&page=2'))).toEqual({ importId: null, page: 1 });
    expect(readDataView(new URLSearchParams('import=0'))).toEqual({ importId: null, page: 1 });
    expect(readDataView(new URLSearchParams('import=7&page=-1'))).toEqual({ importId: 7, page: 1 });
    expect(readDataView(new URLSearchParams(''))).toEqual({ importId: null, page: 1 });
  });

  it('writes the shortest address for a view, so reading it back gives the same view', () => {
    expect(dataViewSearch({ importId: 12, page: 1 })).toBe('?import=12');
    expect(dataViewSearch({ importId: 12, page: 2 })).toBe('?import=12&page=2');
    expect(dataViewSearch({ importId: null, page: 2 })).toBe('');
    expect(readDataView(new URLSearchParams(dataViewSearch({ importId: 5, page: 4 })))).toEqual({ importId: 5, page: 4 });
  });
});

describe('uploadAccess / rejectionsAccess', () => {
  const user = (role: 'admin' | 'analyst' | 'viewer', departments: string[] = []) => ({ id: 1, email: `${role}@example.test`, role, departments });

  it('lets unrestricted admins and analysts import and read rejected rows', () => {
    for (const role of ['admin', 'analyst'] as const) {
      expect(uploadAccess(user(role))).toEqual({ allowed: true });
      expect(rejectionsAccess(user(role))).toEqual({ allowed: true });
    }
  });

  it('tells a viewer why they cannot import or read rejected rows', () => {
    expect(uploadAccess(user('viewer'))).toEqual({ allowed: false, reason: expect.stringMatching(/viewer account .* cannot|not start one/) });
    expect(rejectionsAccess(user('viewer'))).toEqual({ allowed: false, reason: expect.stringContaining('viewers cannot see them') });
  });

  it('tells a department-limited analyst that a file may hold any department', () => {
    expect(uploadAccess(user('analyst', ['CARD', 'RAD']))).toEqual({ allowed: false, reason: expect.stringContaining('limited to CARD, RAD') });
    expect(rejectionsAccess(user('analyst', ['CARD']))).toEqual({ allowed: true });
  });

  it('leaves the decision to the server when the user is unknown', () => {
    expect(uploadAccess(null)).toEqual({ allowed: true });
    expect(rejectionsAccess(null)).toEqual({ allowed: true });
  });
});
