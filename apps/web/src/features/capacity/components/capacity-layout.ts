// Shared by the loaded page and its skeleton (which loads before Recharts does), so both
// take the same room and nothing jumps when the figures arrive.
export const ANSWER_TITLE = 'Where capacity runs short';
export const WHAT_IF_TITLE = 'What-if';
export const NEEDS_TITLE = 'Needs by month';
export const BOTTLENECKS_TITLE = 'Bottlenecks';
export const IDLE_TITLE = 'Idle capacity';
export const FORECAST_TITLE = 'Volume forecast';
export const HEAT_MAP_TITLE = 'Utilization by week';

export const FORECAST_HEIGHT = 280;
export const NEEDS_PLACEHOLDER_ROWS = 16;
/** Placeholder rows of a ranking card: its five resources, its header and its note. */
export const RANK_PLACEHOLDER_ROWS = 6;
export const HEAT_MAP_PLACEHOLDER_ROWS = 16;
