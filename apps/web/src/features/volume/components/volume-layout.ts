import { grainNoun } from '../../../ui/grain-words';
import { scopeName } from '../utils/volume-drill';
import type { VolumeDrill } from '../utils/volume-drill';

// Shared by the loaded page and its skeleton (which loads before Recharts does), so both
// take the same room and nothing jumps when the data arrives.
export const TREND_HEIGHT = 260;
export const SECTIONS_HEIGHT = 300;
export const DEPARTMENT_LINES_HEIGHT = 280;
/** Rows the heat-map and top-codes placeholders hold room for. */
export const PLACEHOLDER_ROWS = 8;

export function trendTitle(drill: VolumeDrill, grain: string): string {
  const noun = grainNoun(grain);
  if (drill.code !== null) return `Lines of ${drill.code} by ${noun}`;
  if (drill.section !== null) return `${scopeName(drill)} lines by ${noun}`;
  return `Procedure lines by ${noun}`;
}

export const SECTIONS_TITLE = 'Volume by section';

export function heatMapTitle(grain: string): string {
  return `Departments by ${grainNoun(grain)}`;
}

export function topCodesTitle(drill: VolumeDrill): string {
  return drill.section !== null ? `Top codes in ${scopeName(drill)}` : 'Top codes';
}

export function departmentLinesTitle(code: string, grain: string): string {
  return `${code} by department and ${grainNoun(grain)}`;
}
