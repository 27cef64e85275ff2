import type { CapacityBand, CapacityNeedsResponse, CapacityNeedsRow, CapacityResourceKind, CapacityResourceType } from '@caseload/contracts';
import { formatCount, formatRate, formatUnits, horizonWords, monthRange } from './capacity-format';
import { inventoryKey } from './capacity-queries';

/** Resource-type key → display name; an unknown key reads as itself. */
export type ResourceNames = ReadonlyMap<string, string>;

export function resourceNames(types: readonly CapacityResourceType[] | undefined): ResourceNames {
  return new Map((types ?? []).map((type) => [type.key, type.name]));
}

export function nameOf(names: ResourceNames, key: string): string {
  return names.get(key) ?? key;
}

const expectedOf = (row: CapacityNeedsRow): number | null => row.horizon.utilization.expected;

/** The answer to "which resource runs above target, and how many more units close the gap". */
export interface CapacityHeadline {
  tone: 'over' | 'within';
  /** The sentence. */
  text: string;
  /** Other resources above target, beyond the one named. */
  othersOver: number;
}

export function buildHeadline(answer: CapacityNeedsResponse, names: ResourceNames): CapacityHeadline | null {
  const { meta } = answer;
  const when = `${horizonWords(meta.horizon)} (${monthRange(meta.forecastFrom, meta.forecastTo)})`;
  const target = formatRate(meta.targetUtilization);
  const ranked = answer.rows.filter((row) => expectedOf(row) !== null).sort((a, b) => (expectedOf(b) ?? 0) - (expectedOf(a) ?? 0));
  const over = ranked.filter((row) => row.aboveTarget);
  const top = over[0];
  if (top === undefined) {
    const busiest = ranked[0];
    if (busiest === undefined) return null;
    return {
      tone: 'within',
      text: `No resource runs above the ${target} target ${when}. The busiest is ${nameOf(names, busiest.resourceType)} in ${busiest.department} at ${formatRate(expectedOf(busiest))}.`,
      othersOver: 0,
    };
  }
  const subject = `${nameOf(names, top.resourceType)} in ${top.department} runs at ${formatRate(expectedOf(top))} ${when} against ${article(target)} ${target} target`;
  const more = top.additionalUnitsNeeded;
  const fix =
    more === null
      ? 'it has no hours to plan with.'
      : more === 0
        ? 'less than a tenth of an FTE closes the gap.'
      : `${formatUnits(more, top.kind).replace(/^(\S+)/, '$1 more')} ${more === 1 ? 'closes' : 'close'} the gap.`;
  return { tone: 'over', text: `${subject}: ${fix}`, othersOver: over.length - 1 };
}

/** `an 80%`, `a 75%`: the article as the figure is said aloud. */
function article(figure: string): string {
  return /^(8|11%|18%|11\d%|18\d%)/.test(figure) ? 'an' : 'a';
}

export interface RankedResource {
  key: string;
  department: string;
  resourceType: string;
  name: string;
  kind: CapacityResourceKind;
  count: number;
  utilization: number;
  /** Months of the horizon whose expected utilization is above the target. */
  monthsOver: number;
  months: number;
  /** Units / FTEs to add (bottleneck) or that could go at the target (idle); 0 when none. */
  units: number;
}

function ranked(answer: CapacityNeedsResponse, names: ResourceNames): RankedResource[] {
  const target = answer.meta.targetUtilization;
  return answer.rows.flatMap((row) => {
    const rate = expectedOf(row);
    if (rate === null) return [];
    const gap = row.horizon.gap.expected ?? 0;
    return [
      {
        key: inventoryKey(row.department, row.resourceType),
        department: row.department,
        resourceType: row.resourceType,
        name: nameOf(names, row.resourceType),
        kind: row.kind,
        count: row.horizon.count,
        utilization: rate,
        monthsOver: row.months.filter((month) => (month.utilization.expected ?? 0) > target).length,
        months: row.months.length,
        units: row.aboveTarget ? (row.additionalUnitsNeeded ?? 0) : surplus(-gap, row.kind),
      },
    ];
  });
}

/** Whole units (equipment) or tenths of an FTE (staff) that could go and still meet the target. */
function surplus(spare: number, kind: CapacityResourceKind): number {
  if (!(spare > 0)) return 0;
  return kind === 'staff' ? Math.floor(spare * 10 + 1e-6) / 10 : Math.floor(spare + 1e-6);
}

/** The busiest resources: highest expected utilization first, then the most months over target. */
export function bottlenecks(answer: CapacityNeedsResponse, names: ResourceNames, limit = 5): RankedResource[] {
  return ranked(answer, names)
    .sort((a, b) => b.utilization - a.utilization || b.monthsOver - a.monthsOver || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** The least used resources (with units to use): lowest expected utilization first. */
export function idleCapacity(answer: CapacityNeedsResponse, names: ResourceNames, limit = 5): RankedResource[] {
  return ranked(answer, names)
    .filter((item) => item.count > 0)
    .sort((a, b) => a.utilization - b.utilization || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** One line of the needs table: a department's resource in one month. */
export interface NeedsLine {
  key: string;
  /** The department's inventory of the resource type: `RAD/mri_scanner`. */
  inventory: string;
  department: string;
  name: string;
  kind: CapacityResourceKind;
  period: string;
  required: CapacityBand;
  available: number;
  count: number;
  /** Units / FTEs needed at the target (expected). */
  needed: number | null;
  /** needed − count: above 0 a shortfall. */
  gap: number | null;
  utilization: number | null;
}

/** Every department × resource × month, in the answer's order (busiest first). */
export function needsLines(answer: CapacityNeedsResponse, names: ResourceNames): NeedsLine[] {
  return answer.rows.flatMap((row) =>
    row.months.map((month) => ({
      key: `${inventoryKey(row.department, row.resourceType)}@${month.period}`,
      inventory: inventoryKey(row.department, row.resourceType),
      department: row.department,
      name: nameOf(names, row.resourceType),
      kind: row.kind,
      period: month.period,
      required: month.requiredHours,
      available: month.availableHours,
      count: month.count,
      needed: month.unitsNeeded.expected,
      gap: month.gap.expected,
      utilization: month.utilization.expected,
    })),
  );
}

/** A gap in units or FTEs as words, so a shortfall does not rest on colour: `0.4 short`, `1.2 spare`, `even`. */
export function gapWords(gap: number | null): string {
  if (gap === null) return '—';
  const rounded = Math.round(gap * 10) / 10;
  if (rounded === 0) return 'even';
  const figure = formatCount(Math.abs(rounded));
  return rounded > 0 ? `${figure} short` : `${figure} spare`;
}

/** A month is short when the gap shows as at least 0.1 of a unit or FTE. */
export function isShort(line: NeedsLine): boolean {
  return (line.gap ?? 0) > 0.05;
}

/** The lines of the first `limit` inventories (the answer lists the busiest first), and how many inventories there are. */
export function firstInventories(lines: readonly NeedsLine[], limit: number): { lines: NeedsLine[]; inventories: number } {
  const order = [...new Set(lines.map((line) => line.inventory))];
  const kept = new Set(order.slice(0, limit));
  return { lines: lines.filter((line) => kept.has(line.inventory)), inventories: order.length };
}
