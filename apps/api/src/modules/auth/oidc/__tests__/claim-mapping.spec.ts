import { departmentsOf, mapClaims, roleOf } from '../claim-mapping.js';

const GROUPS = new Map([
  ['caseload-admins', 'admin' as const],
  ['caseload-analysts', 'analyst' as const],
  ['caseload-viewers', 'viewer' as const],
]);
const CONFIG = { roleClaim: 'caseload_role', roleMap: GROUPS, departmentsClaim: 'caseload_departments' };

describe('roleOf', () => {
  it('maps one group name or a list of them', () => {
    expect(roleOf('caseload-analysts', GROUPS)).toBe('analyst');
    expect(roleOf(['staff', 'caseload-viewers'], GROUPS)).toBe('viewer');
  });

  it('gives a member of several mapped groups the strongest of their roles', () => {
    expect(roleOf(['caseload-viewers', 'caseload-admins', 'caseload-analysts'], GROUPS)).toBe('admin');
  });

  it('gives no role when nothing maps, whatever the claim holds', () => {
    expect(roleOf(['staff', 'parking'], GROUPS)).toBeNull();
    expect(roleOf('admin', GROUPS)).toBeNull();
    expect(roleOf(undefined, GROUPS)).toBeNull();
    expect(roleOf({ admin: true }, GROUPS)).toBeNull();
    expect(roleOf([42, null], GROUPS)).toBeNull();
  });

  it('takes role names as they are when no map is set, and nothing else', () => {
    expect(roleOf('analyst', null)).toBe('analyst');
    expect(roleOf(['viewer', 'admin'], null)).toBe('admin');
    expect(roleOf('Admin', null)).toBeNull();
    expect(roleOf('owner', null)).toBeNull();
  });
});

describe('departmentsOf', () => {
  it('reads a list or a comma-separated string, trimmed, deduplicated and sorted', () => {
    expect(departmentsOf(['ORTH', 'CARD', 'CARD'])).toEqual(['CARD', 'ORTH']);
    expect(departmentsOf(' ORTH, CARD ,')).toEqual(['CARD', 'ORTH']);
  });

  it('means every department when the claim is absent or empty', () => {
    expect(departmentsOf(undefined)).toEqual([]);
    expect(departmentsOf(null)).toEqual([]);
    expect(departmentsOf('')).toEqual([]);
    expect(departmentsOf([])).toEqual([]);
  });

  it('cannot read a list with anything but department codes in it', () => {
    expect(departmentsOf(['CARD', 7])).toBeNull();
    expect(departmentsOf(['CARD', ' '])).toBeNull();
    expect(departmentsOf(['X'.repeat(33)])).toBeNull();
    expect(departmentsOf(['CA\nRD'])).toBeNull();
    expect(departmentsOf({ CARD: true })).toBeNull();
    expect(departmentsOf(Array.from({ length: 201 }, (_, i) => `D${i}`))).toBeNull();
  });
});

describe('mapClaims', () => {
  const analyst = { sub: 'a1', email: ' Card.Analyst@Hospital.test ', email_verified: true, caseload_role: 'caseload-analysts', caseload_departments: ['CARD'] };

  it('makes a Caseload identity of the email, the role and the departments', () => {
    expect(mapClaims(analyst, CONFIG)).toEqual({ ok: true, identity: { email: 'card.analyst@hospital.test', role: 'analyst', departments: ['CARD'] } });
  });

  it('reads the claims the configuration names', () => {
    const claims = { email: 'v@hospital.test', groups: ['readers'], units: 'ORTH' };
    const config = { roleClaim: 'groups', roleMap: new Map([['readers', 'viewer' as const]]), departmentsClaim: 'units' };
    expect(mapClaims(claims, config)).toEqual({ ok: true, identity: { email: 'v@hospital.test', role: 'viewer', departments: ['ORTH'] } });
  });

  it('refuses without an email, or with one that is not an address', () => {
    expect(mapClaims({ ...analyst, email: undefined }, CONFIG)).toMatchObject({ ok: false, email: null, reason: 'no email claim' });
    expect(mapClaims({ ...analyst, email: 'not an address' }, CONFIG)).toMatchObject({ ok: false, reason: 'email claim not an email address' });
  });

  it('refuses an email the provider marks unverified, and accepts one it says nothing about', () => {
    expect(mapClaims({ ...analyst, email_verified: false }, CONFIG)).toMatchObject({ ok: false, email: 'card.analyst@hospital.test', reason: 'email not verified' });
    expect(mapClaims({ ...analyst, email_verified: undefined }, CONFIG)).toMatchObject({ ok: true });
  });

  it('refuses a user with no mapped role, saying what to do', () => {
    const refused = mapClaims({ ...analyst, caseload_role: ['staff'] }, CONFIG);
    expect(refused).toMatchObject({ ok: false, email: 'card.analyst@hospital.test', reason: 'no mapped role' });
    expect(refused.ok ? '' : refused.message).toMatch(/no Caseload role.*Ask your administrator/);
  });

  it('refuses rather than widens when the department claim cannot be read', () => {
    expect(mapClaims({ ...analyst, caseload_departments: [['CARD']] }, CONFIG)).toMatchObject({ ok: false, reason: 'departments claim not usable' });
  });
});
