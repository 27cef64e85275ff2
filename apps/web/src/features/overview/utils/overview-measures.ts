import type { MeasureId } from '@caseload/domain';

/** The six headline measures of the Overview, in the order the tiles show them. */
export const OVERVIEW_MEASURES = ['lines', 'encounters', 'patients', 'charges', 'paid', 'denial_rate'] as const satisfies readonly MeasureId[];
export type OverviewMeasure = (typeof OVERVIEW_MEASURES)[number];

export { toMeasureValue } from '../../../ui/measure-value';
