import { formatCompactNumber, SECTION_LABELS, SECTIONS } from '@caseload/domain';
import type { SectionId } from '@caseload/domain';
import type { AggregateRow } from '../../../api/aggregate';
import { periodName, periodTick } from '../../../ui/format-period';
import { grainNoun } from '../../../ui/grain-words';
import { toMeasureValue } from '../../../ui/measure-value';
import { SECTION_COLORS } from './section-colors';

export interface SectionTotal {
  id: SectionId;
  name: string;
  color: string;
  /** Lines over the whole range. */
  lines: number;
  /** Share of all lines in the range, 0..1. */
  share: number;
}

export interface SectionStackPoint {
  period: string;
  label: string;
  tick: string;
  /** Lines per section in this period; a section without a row here has 0. */
  lines: Readonly<Partial<Record<SectionId, number>>>;
  total: number;
}

export interface SectionStack {
  /** Sections with any line, in the code set's order (DESIGN §3.3): bottom of the stack first. */
  sections: SectionTotal[];
  points: SectionStackPoint[];
  total: number;
}

/** Rows of lines by period and section → one stacked bar per period, sections in a fixed order. */
export function buildSectionStack(rows: readonly AggregateRow[]): SectionStack {
  const byPeriod = new Map<string, Partial<Record<SectionId, number>>>();
  const totals = new Map<SectionId, number>();
  for (const row of rows) {
    const period = row['period'];
    const section = row['section'];
    if (typeof period !== 'string' || typeof section !== 'string' || !(SECTIONS as readonly string[]).includes(section)) continue;
    const id = section as SectionId;
    const lines = toMeasureValue(row['lines']) ?? 0;
    const point = byPeriod.get(period) ?? {};
    point[id] = (point[id] ?? 0) + lines;
    byPeriod.set(period, point);
    totals.set(id, (totals.get(id) ?? 0) + lines);
  }
  const total = [...totals.values()].reduce((sum, lines) => sum + lines, 0);
  const sections = SECTIONS.filter((id) => (totals.get(id) ?? 0) > 0).map((id) => {
    const lines = totals.get(id) ?? 0;
    return { id, name: SECTION_LABELS[id], color: SECTION_COLORS[id], lines, share: total > 0 ? lines / total : 0 };
  });
  const points = [...byPeriod.keys()].sort().map((period) => {
    const lines = byPeriod.get(period) ?? {};
    return {
      period,
      label: periodName(period),
      tick: periodTick(period),
      lines,
      total: Object.values(lines).reduce((sum, value) => sum + (value ?? 0), 0),
    };
  });
  return { sections, points, total };
}

/** The chart's accessible name: the biggest sections and their shares. */
export function sectionStackSummary(stack: SectionStack, range: string, grain: string): string {
  const intro = `Stacked bar chart of procedure lines by ${grainNoun(grain)} and section, ${range}`;
  if (stack.sections.length === 0) return `${intro}: no values.`;
  const biggest = [...stack.sections].sort((a, b) => b.lines - a.lines).slice(0, 3);
  const shares = biggest.map((section) => `${section.name} ${formatCompactNumber(section.lines)} (${(section.share * 100).toFixed(0)}%)`);
  return `${intro}. ${stack.sections.length} sections; the largest: ${shares.join(', ')}.`;
}
