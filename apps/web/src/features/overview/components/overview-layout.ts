import { grainNoun } from '../../../ui/grain-words';

// Shared by the loaded page and its skeleton (which loads before Recharts does), so both
// take the same room and nothing jumps when the data arrives.
export const LINES_CHART_HEIGHT = 280;
export const KPI_TILE_COUNT = 6;
/** Movers shown in each direction; the lists keep the room of this many rows. */
export const MOVER_COUNT = 5;

export function linesChartTitle(grain: string): string {
  return `Procedure lines by ${grainNoun(grain)}`;
}

export const LINES_CHART_TITLE = linesChartTitle('month');

export const MOVER_TITLES = {
  department: 'Biggest movers: departments',
  code: 'Biggest movers: procedure codes',
} as const;
