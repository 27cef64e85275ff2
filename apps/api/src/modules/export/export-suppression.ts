import type { AggregateResponse, AggregateRow } from '@caseload/contracts';
import { DEFAULT_SUPPRESSION_THRESHOLD, MEASURE_DEFINITIONS, suppressList, suppressTable, type DimensionId, type MeasureId } from '@caseload/domain';
import { InvalidParameterException } from '../../common/app.exception.js';

/** What the file says about suppression (DESIGN §7), and what the audit log records. */
export interface SuppressionReport {
  /** Asked for: true unless an admin or analyst turned it off. */
  requested: boolean;
  /** Something was checked: suppression was asked and the answer counts people. */
  applied: boolean;
  /** The measures whose counts decided (patients, encounters, and their _compare columns). */
  decidedBy: string[];
  /** Row cells blanked (every measure of a blanked cell goes with it). */
  blankedCells: number;
  /** Totals blanked. */
  blankedTotals: number;
  /** One paragraph a reader of the file can act on. */
  rule: string;
}

interface GroupMask {
  cells: boolean[];
  total: boolean;
  rules: string[];
}

const NOTHING_TO_SUPPRESS =
  'No small-cell suppression was needed: the export shows no count of patients or encounters, the counts the cell-size rule protects.';
const TURNED_OFF = 'Small-cell suppression was turned off for this export by an administrator or analyst; the audit log records it.';
const MARGINS_ASSUMED =
  'The file publishes the grand total only; the row and column totals are protected as if published, since another export gives them.';
const DISTINCT_TOTALS =
  'Totals of patients and encounters count each one once, so they can be smaller than the sum of the cells; a total of 1 to ' +
  `${DEFAULT_SUPPRESSION_THRESHOLD} is blanked as well.`;

function count(value: AggregateRow[string] | undefined): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** The mask one count column asks for: a list for one group-by, a rows × columns table for two. */
function maskOfColumn(rows: readonly AggregateRow[], groupBy: readonly DimensionId[], key: string): { cells: boolean[]; total: boolean; rule: string } {
  const counts = rows.map((row) => count(row[key]));
  if (groupBy.length < 2) {
    const { mask, rule } = suppressList(counts);
    return { cells: mask.cells, total: mask.total, rule };
  }
  const [down, across] = groupBy as [DimensionId, DimensionId];
  const position = (index: Map<string, number>, value: AggregateRow[string] | undefined) => {
    const label = JSON.stringify(value ?? null);
    if (!index.has(label)) index.set(label, index.size);
    return index.get(label)!;
  };
  const rowIndex = new Map<string, number>();
  const columnIndex = new Map<string, number>();
  const places = rows.map((row) => [position(rowIndex, row[down]), position(columnIndex, row[across])] as const);
  // A combination without lines is absent from the answer: a zero, which is never blanked.
  const table = Array.from({ length: rowIndex.size }, () => new Array<number>(columnIndex.size).fill(0));
  places.forEach(([r, c], i) => (table[r]![c] = counts[i]!));
  // The margins are assumed known (another export gives them), even though the file publishes only the grand total.
  const { mask, rule } = suppressTable(table);
  return { cells: places.map(([r, c]) => mask.cells[r]![c]!), total: mask.grandTotal, rule };
}

function maskOfGroup(answer: AggregateResponse, groupBy: readonly DimensionId[], keys: readonly string[]): GroupMask {
  const result: GroupMask = { cells: answer.rows.map(() => false), total: false, rules: [] };
  for (const key of keys) {
    // Blanking more than one column's mask asks only hides more: each column stays protected.
    const { cells, total, rule } = maskOfColumn(answer.rows, groupBy, key);
    cells.forEach((blank, i) => (result.cells[i] ||= blank));
    const published = count(answer.totals[key]);
    result.total ||= total || (published >= 1 && published <= DEFAULT_SUPPRESSION_THRESHOLD);
    result.rules.push(`${key}: ${rule}`);
  }
  return result;
}

/**
 * The report of an export that suppression leaves as it is: turned off, or no count of people
 * among the measures. Null when the cells must be looked at (which needs the whole answer).
 */
export function suppressionNotNeeded(measures: readonly MeasureId[], requested: boolean): SuppressionReport | null {
  const base = { requested, applied: false, decidedBy: [], blankedCells: 0, blankedTotals: 0 };
  if (!requested) return { ...base, rule: TURNED_OFF };
  if (!measures.some((measure) => MEASURE_DEFINITIONS[measure].countsPeople)) return { ...base, rule: NOTHING_TO_SUPPRESS };
  return null;
}

/**
 * Blanks small counts of people in an answer before it is exported: every measure of a blanked
 * cell or total becomes null. The comparison columns (`_compare`) are decided on their own counts.
 */
export function suppressAnswer(
  answer: AggregateResponse,
  groupBy: readonly DimensionId[],
  measures: readonly MeasureId[],
  options: { requested: boolean; compare: boolean },
): { answer: AggregateResponse; report: SuppressionReport } {
  const untouched = suppressionNotNeeded(measures, options.requested);
  if (untouched !== null) return { answer, report: untouched };
  const counted = measures.filter((measure) => MEASURE_DEFINITIONS[measure].countsPeople);
  if (groupBy.length > 2) {
    throw new InvalidParameterException('groupBy', 'an export with small-cell suppression takes at most two group-bys (a list, or rows × columns)');
  }

  const groups = [{ suffix: '', keys: counted }, ...(options.compare ? [{ suffix: '_compare', keys: counted.map((m) => `${m}_compare`) }] : [])];
  const rows = answer.rows.map((row) => ({ ...row }));
  const totals = { ...answer.totals };
  const rules: string[] = [];
  const decidedBy: string[] = [];
  let blankedCells = 0;
  let blankedTotals = 0;
  for (const group of groups) {
    const mask = maskOfGroup(answer, groupBy, group.keys);
    const columns = measures.map((measure) => `${measure}${group.suffix}`);
    mask.cells.forEach((blank, i) => {
      if (!blank) return;
      blankedCells++;
      for (const column of columns) rows[i]![column] = null;
    });
    if (mask.total) {
      blankedTotals++;
      for (const column of columns) totals[column] = null;
    }
    rules.push(...mask.rules);
    decidedBy.push(...group.keys);
  }
  const margins = groupBy.length === 2 ? ` ${MARGINS_ASSUMED}` : '';
  const rule = `${rules.join(' ')}${margins} ${DISTINCT_TOTALS}`;
  return {
    answer: { rows, totals, meta: { ...answer.meta, suppressed: blankedCells + blankedTotals } },
    report: { requested: true, applied: true, decidedBy, blankedCells, blankedTotals, rule },
  };
}
