// Shared by the loaded page and its skeleton (which loads before Recharts does), so both
// take the same room and nothing jumps when the data arrives.
export const LINES_CHART_HEIGHT = 280;
export const LINES_CHART_TITLE = 'Procedure lines by month';
export const KPI_TILE_COUNT = 6;
