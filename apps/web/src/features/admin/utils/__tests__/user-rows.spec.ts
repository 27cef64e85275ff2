import type { UserSummary } from '@caseload/contracts';
import { formatCreated, toUserRows } from '../user-rows';

const user = (id: number, email: string, changes: Partial<UserSummary> = {}): UserSummary => ({
  id,
  email,
  role: 'viewer',
  departments: [],
  disabled: false,
  createdAt: '2026-01-15T10:00:00.000Z',
  ...changes,
});

describe('toUserRows', () => {
  it('lists active users by email, then disabled ones', () => {
    const rows = toUserRows([user(3, 'zoe@x.test'), user(2, 'bob@x.test', { disabled: true }), user(1, 'ana@x.test')], null, 'en-US');
    expect(rows.map((row) => [row.email, row.status])).toEqual([
      ['ana@x.test', 'Active'],
      ['zoe@x.test', 'Active'],
      ['bob@x.test', 'Disabled'],
    ]);
  });

  it('writes role, scope and creation date for people, and marks the signed-in admin', () => {
    const [admin, analyst] = toUserRows([user(1, 'admin@x.test', { role: 'admin' }), user(5, 'ana@x.test', { role: 'analyst', departments: ['CARD', 'RAD'] })], 1, 'en-US');
    expect(admin).toMatchObject({ roleLabel: 'Admin', departments: 'All departments', departmentCodes: [], isSelf: true, created: 'Jan 15, 2026' });
    expect(analyst).toMatchObject({ roleLabel: 'Analyst', departments: 'CARD, RAD', departmentCodes: ['CARD', 'RAD'], isSelf: false });
  });
});

describe('formatCreated', () => {
  it('writes a dash for a date it cannot read', () => {
    expect(formatCreated('not a date')).toBe('—');
  });
});
