/** The pages that show the filter bar and answer to its filters. */
export const DASHBOARD_PATHS: readonly string[] = ['/', '/volume', '/reimbursement', '/capacity'];

export function isDashboardPath(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return DASHBOARD_PATHS.includes(path);
}
