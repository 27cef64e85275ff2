import { isDashboardPath } from '../dashboard-paths';

describe('isDashboardPath', () => {
  it('is true for the pages that follow the filter bar', () => {
    expect(['/', '/volume', '/reimbursement', '/capacity', '/volume/'].map(isDashboardPath)).toEqual([true, true, true, true, true]);
  });

  it('is false for Data, Reports and the admin pages', () => {
    expect(['/data', '/reports', '/admin/users', '/login'].map(isDashboardPath)).toEqual([false, false, false, false]);
  });
});
