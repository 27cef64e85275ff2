import type { AuditEntry } from '@caseload/contracts';
import { formatAuditDetails, formatAuditTime, toAuditRows } from '../audit-rows';

describe('formatAuditDetails', () => {
  it('writes key: value pairs in order, separated by a middle dot', () => {
    expect(formatAuditDetails({ importId: 42, rows: 1200, file: 'march.csv' })).toBe('importId: 42 · rows: 1200 · file: march.csv');
  });

  it('reads nested objects as dotted keys, lists as commas, and true/false as yes/no', () => {
    expect(formatAuditDetails({ userId: 7, changes: { role: 'viewer', departments: ['CARD', 'RAD'], disabled: true } })).toBe(
      'userId: 7 · changes.role: viewer · changes.departments: CARD, RAD · changes.disabled: yes',
    );
  });

  it('writes a recorded change as from → to', () => {
    expect(formatAuditDetails({ userId: 3, changes: { disabled: { to: true, from: false }, departments: { from: ['CARD'], to: [] } } })).toBe(
      'userId: 3 · changes.disabled: no → yes · changes.departments: CARD → none',
    );
  });

  it('shows empty and missing values plainly', () => {
    expect(formatAuditDetails({ departments: [], reason: null, note: '', extra: {} })).toBe('departments: none · reason: — · note: "" · extra: {}');
  });

  it('writes a dash when there are no details', () => {
    expect(formatAuditDetails({})).toBe('—');
    expect(formatAuditDetails(null)).toBe('—');
  });
});

describe('formatAuditTime', () => {
  it("writes date and time to the second in the reader's locale and zone", () => {
    expect(formatAuditTime('2026-03-04T15:06:07.000Z', { locale: 'en-US', timeZone: 'UTC' })).toBe('Mar 4, 2026, 3:06:07 PM');
    expect(formatAuditTime('2026-03-04T15:06:07.000Z', { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('4 Mar 2026, 10:06:07');
  });

  it('leaves a value that is not a time as it came', () => {
    expect(formatAuditTime('soon')).toBe('soon');
  });
});

describe('toAuditRows', () => {
  it('labels actions, and writes a dash for a missing actor or address', () => {
    const entries: AuditEntry[] = [
      { id: 3, at: '2026-03-04T15:06:07.000Z', action: 'user.create', actor: 'admin@example.test', address: '10.0.0.5', details: { email: 'ana@example.test', role: 'analyst' } },
      { id: 2, at: '2026-03-04T15:00:00.000Z', action: 'login.failure', actor: null, address: null, details: {} },
    ];
    const rows = toAuditRows(entries, { locale: 'en-US', timeZone: 'UTC' });
    expect(rows).toEqual([
      {
        id: 3,
        at: '2026-03-04T15:06:07.000Z',
        time: 'Mar 4, 2026, 3:06:07 PM',
        action: 'user.create',
        actionLabel: 'User created',
        actor: 'admin@example.test',
        address: '10.0.0.5',
        details: 'email: ana@example.test · role: analyst',
      },
      expect.objectContaining({ actionLabel: 'Failed sign-in', actor: '—', address: '—', details: '—' }),
    ]);
  });
});
