import type { AggregateResponse } from '../../../api/aggregate';
import type { FilterOption } from './filter-options';

export interface DepartmentOptions {
  options: FilterOption[];
  /** Any procedure line in any department the user may see. */
  hasLines: boolean;
}

/** Department codes with at least one line, sorted; the label is the code (the API names departments by code). */
export function departmentOptions(data: Pick<AggregateResponse, 'rows'>): DepartmentOptions {
  const codes = data.rows
    .filter((row) => typeof row['department'] === 'string' && Number(row['lines'] ?? 0) > 0)
    .map((row) => String(row['department']));
  const unique = [...new Set(codes)].sort((a, b) => a.localeCompare(b));
  return { options: unique.map((code) => ({ value: code, label: code })), hasLines: unique.length > 0 };
}
