import { MAX_CONVERSION_FACTOR, MAX_WORK_RVU_PERCENT, MIN_CONVERSION_FACTOR, MIN_WORK_RVU_PERCENT, type IsoDate } from '@caseload/domain';
import type { WhatIfScenario } from '@caseload/contracts';
import { InvalidParameterException } from '../../common/app.exception.js';
import { parseAggregateQuery, type AggregateFilters } from '../analytics/aggregate-query.js';

/** The date range and filters of a reimbursement view, as the aggregate query takes them. */
export interface ReimbursementSlice {
  from: IsoDate;
  to: IsoDate;
  filters: AggregateFilters;
}

const SLICE_PARAMETERS = ['from', 'to', 'department', 'code', 'section', 'payer_category', 'place_of_service'];
export const DEFAULT_DENIAL_REASONS = 10;
export const MAX_DENIAL_REASONS = 500;

function parseSlice(query: Record<string, unknown>, own: readonly string[], today: IsoDate): ReimbursementSlice {
  const accepted = [...SLICE_PARAMETERS, ...own];
  const slice: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!accepted.includes(name)) throw new InvalidParameterException(name, `is not a parameter of this query; the parameters are ${accepted.join(', ')}`);
    if (SLICE_PARAMETERS.includes(name)) slice[name] = value;
  }
  const { from, to, filters } = parseAggregateQuery(slice, today);
  return { from, to, filters };
}

function decimal(query: Record<string, unknown>, name: string, places: number, min: number, max: number): number | null {
  const raw = query[name];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !new RegExp(`^-?\\d+(\\.\\d{1,${places}})?$`).test(raw.trim())) {
    throw new InvalidParameterException(name, `must be a number with at most ${places} decimals (got "${String(raw).slice(0, 40)}")`);
  }
  const value = Number(raw.trim());
  if (value < min || value > max) throw new InvalidParameterException(name, `must be from ${min} to ${max} (got ${value})`);
  return value;
}

/** `GET /reimbursement/what-if`: the slice, `conversion_factor` (e.g. 33.4009) and `work_rvu_percent` (e.g. -2.5). */
export function parseWhatIfQuery(query: Record<string, unknown>, today: IsoDate): ReimbursementSlice & { scenario: WhatIfScenario } {
  const slice = parseSlice(query, ['conversion_factor', 'work_rvu_percent'], today);
  return {
    ...slice,
    scenario: {
      conversionFactor: decimal(query, 'conversion_factor', 4, MIN_CONVERSION_FACTOR, MAX_CONVERSION_FACTOR),
      workRvuPercent: decimal(query, 'work_rvu_percent', 2, MIN_WORK_RVU_PERCENT, MAX_WORK_RVU_PERCENT),
    },
  };
}

/** `GET /reimbursement/denial-reasons`: the slice and `limit` (the top N reasons, default 10). */
export function parseDenialReasonsQuery(query: Record<string, unknown>, today: IsoDate): ReimbursementSlice & { limit: number } {
  const slice = parseSlice(query, ['limit'], today);
  const raw = query['limit'];
  if (raw === undefined) return { ...slice, limit: DEFAULT_DENIAL_REASONS };
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_DENIAL_REASONS) {
    throw new InvalidParameterException('limit', `must be a whole number from 1 to ${MAX_DENIAL_REASONS}`);
  }
  return { ...slice, limit: Number(raw) };
}
