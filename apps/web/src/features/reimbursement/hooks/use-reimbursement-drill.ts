import { useCallback, useMemo } from 'react';
import { useLocation } from 'react-router';

/** The department the Reimbursement page is drilled to, kept in the address beside the filters. */
export const DRILL_DEPARTMENT_KEY = 'drill_department';

/** The drilled department ('' and blanks read as none). */
export function parseReimbursementDrill(search: string): string | null {
  const department = new URLSearchParams(search).get(DRILL_DEPARTMENT_KEY)?.trim() ?? '';
  return department === '' ? null : department;
}

/** The query string (with `?`, or '' when empty) drilled to `department`, keeping every other parameter. */
export function reimbursementDrillSearch(search: string, department: string | null): string {
  const params = new URLSearchParams(search);
  if (department === null) params.delete(DRILL_DEPARTMENT_KEY);
  else params.set(DRILL_DEPARTMENT_KEY, department);
  const text = params.toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}

/** The drill-down by department: a link per level, so reload and Back keep it. */
export function useReimbursementDrill() {
  const { pathname, search } = useLocation();
  const department = useMemo(() => parseReimbursementDrill(search), [search]);
  const hrefOf = useCallback((next: string | null) => `${pathname}${reimbursementDrillSearch(search, next)}`, [pathname, search]);
  return { department, hrefOf };
}
