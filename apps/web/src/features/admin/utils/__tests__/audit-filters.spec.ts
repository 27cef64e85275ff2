import { auditFiltersProblem, auditFiltersToSearch, auditRequestUrl, hasAuditFilters, NO_AUDIT_FILTERS, parseAuditFilters } from '../audit-filters';

describe('parseAuditFilters', () => {
  it('reads action, actor and dates from the query string', () => {
    expect(parseAuditFilters('?action=user.create&actor=%20ana%40example.test%20&from=2026-01-01&to=2026-01-31')).toEqual({
      action: 'user.create',
      actor: 'ana@example.test',
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('drops what cannot be used instead of sending it', () => {
    expect(parseAuditFilters('action=drop.tables&from=2026-02-30&to=yesterday')).toEqual(NO_AUDIT_FILTERS);
  });

  it('reads an empty query string as no filters', () => {
    expect(parseAuditFilters('')).toEqual(NO_AUDIT_FILTERS);
    expect(hasAuditFilters(parseAuditFilters(''))).toBe(false);
  });
});

describe('auditFiltersToSearch', () => {
  it('writes only the filters that are set, and round-trips through parse', () => {
    const filters = { action: 'login.failure' as const, actor: 'bob', from: '', to: '2026-03-01' };
    const search = auditFiltersToSearch(filters);
    expect(search).toBe('?action=login.failure&actor=bob&to=2026-03-01');
    expect(parseAuditFilters(search)).toEqual(filters);
  });

  it('writes nothing for no filters', () => {
    expect(auditFiltersToSearch(NO_AUDIT_FILTERS)).toBe('');
    expect(auditFiltersToSearch({ ...NO_AUDIT_FILTERS, actor: '   ' })).toBe('');
  });
});

describe('auditRequestUrl', () => {
  it('asks for one page with the filters, and for older entries with the cursor', () => {
    const filters = { action: 'export' as const, actor: 'a+b@x.test', from: '2026-01-01', to: '' };
    expect(auditRequestUrl(filters, null)).toBe('/api/v1/audit?action=export&actor=a%2Bb%40x.test&from=2026-01-01&limit=50');
    expect(auditRequestUrl(NO_AUDIT_FILTERS, 812, 20)).toBe('/api/v1/audit?limit=20&before=812');
  });
});

describe('auditFiltersProblem', () => {
  it('names a range that ends before it starts', () => {
    expect(auditFiltersProblem({ ...NO_AUDIT_FILTERS, from: '2026-02-01', to: '2026-01-31' })).toBe('The “From” date is after the “To” date.');
    expect(auditFiltersProblem({ ...NO_AUDIT_FILTERS, from: '2026-02-01', to: '2026-02-01' })).toBeNull();
    expect(auditFiltersProblem({ ...NO_AUDIT_FILTERS, from: '2026-02-01' })).toBeNull();
  });
});
