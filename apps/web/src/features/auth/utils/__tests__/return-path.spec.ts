import { returnPathFrom, returnPathToRemember } from '../return-path';

describe('returnPathToRemember', () => {
  it('remembers the page on a first visit and after an expired session', () => {
    expect(returnPathToRemember('/volume?range=last_quarter', null)).toBe('/volume?range=last_quarter');
    expect(returnPathToRemember('/admin/audit?action=user.disabled', 'expired')).toBe('/admin/audit?action=user.disabled');
  });

  it('forgets the page after the user signed out', () => {
    expect(returnPathToRemember('/admin/audit?action=user.disabled', 'signed_out')).toBeNull();
  });
});

describe('returnPathFrom', () => {
  it('returns an in-app path from the router state', () => {
    expect(returnPathFrom({ from: '/volume?grain=week#top' })).toBe('/volume?grain=week#top');
  });

  it('falls back to the Overview for no state, another site, or the login page itself', () => {
    expect(returnPathFrom(null)).toBe('/');
    expect(returnPathFrom({})).toBe('/');
    expect(returnPathFrom({ from: 'https://elsewhere.test/' })).toBe('/');
    expect(returnPathFrom({ from: '//elsewhere.test/' })).toBe('/');
    expect(returnPathFrom({ from: '/login?next=/' })).toBe('/');
  });
});
