import type { MeasureId } from '@caseload/domain';

/** The six headline measures of the Overview, in the order the tiles show them. */
export const OVERVIEW_MEASURES = ['lines', 'encounters', 'patients', 'charges', 'paid', 'denial_rate'] as const satisfies readonly MeasureId[];
export type OverviewMeasure = (typeof OVERVIEW_MEASURES)[number];

/** A measure value from the API: a finite number, or null (undefined, missing or unreadable). */
export function toMeasureValue(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  // PostgreSQL numerics can arrive as strings if a serialiser forgets to convert them.
  if (typeof raw === 'string' && raw.trim() !== '') {
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  }
  return null;
}
