// Small-cell suppression for exports (DESIGN §7): counts of 1–10 patients or encounters are
// blanked, and enough other values that no blank can be worked out from the published totals.

import { protect } from './suppression-complements.js';
import { flowNetwork, isDisclosed, valueRange, type Arc, type ArcState, type FlowNetwork } from './suppression-network.js';

/** Counts from 1 to this are blanked (the CMS cell-size rule). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

/** Which totals the export publishes beside the cells; all of them unless told otherwise. */
export interface PublishedMargins {
  rowTotals: boolean;
  columnTotals: boolean;
  grandTotal: boolean;
}

export interface SuppressionOptions {
  /** Largest count that is blanked for its own sake; default {@link DEFAULT_SUPPRESSION_THRESHOLD}. */
  threshold?: number;
  /**
   * How wide (max − min) the range a reader can derive for each blank must stay. The default, 1,
   * only forbids working a blank out exactly; a larger value also forbids narrowing it down.
   */
  minimumRange?: number;
}

export interface TableSuppressionOptions extends SuppressionOptions {
  margins?: Partial<PublishedMargins>;
}

export interface ListSuppressionOptions extends SuppressionOptions {
  /** Whether the list's total is published; default true. */
  total?: boolean;
}

/** `true` marks a value to blank. A total the export does not publish is never marked. */
export interface TableMask {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

export interface ListMask {
  cells: boolean[];
  total: boolean;
}

export interface Suppression<Mask> {
  /** Decided on the counts; blank every measure (charges, rates…) of a marked cell or total. */
  mask: Mask;
  /** Values blanked because they are counts of 1 to the threshold, totals included. */
  primary: number;
  /** Values blanked only so that the primary ones cannot be derived. */
  complementary: number;
  /** One paragraph for the export manifest: what was blanked and why. */
  rule: string;
}

/** A cell, or a total: `row: 'total'` is the row of column totals, `column: 'total'` the column of row totals. */
export interface CellRef {
  row: number | 'total';
  column: number | 'total';
}

export interface BlankedRange extends CellRef {
  min: number;
  /** `Infinity` when nothing published bounds the value from above. */
  max: number;
}

interface TableLayout {
  network: FlowNetwork;
  /** What a reader would know of each value with nothing blanked. */
  states: ArcState[];
  /** Preference when choosing a complement: cells 0, row and column totals 1, grand total 2. */
  rank: number[];
  refs: CellRef[];
}

const ALL_MARGINS: PublishedMargins = { rowTotals: true, columnTotals: true, grandTotal: true };

function checkedCells(cells: readonly (readonly number[])[]): number {
  const columns = cells.length === 0 ? 0 : cells[0].length;
  cells.forEach((row, r) => {
    if (row.length !== columns) throw new RangeError(`row ${r} has ${row.length} cells, row 0 has ${columns}`);
    row.forEach((count, c) => {
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new RangeError(`cell (${r}, ${c}) is not a non-negative whole count: ${count}`);
      }
    });
  });
  return columns;
}

function positiveWhole(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1 (got ${value})`);
  return value;
}

/**
 * Nodes: 0 the column of row totals, 1..m the rows, m+1..m+n the columns, m+n+1 the row of
 * column totals. Arcs: the cells row by row, then row totals, column totals, grand total.
 */
function tableLayout(cells: readonly (readonly number[])[], margins: PublishedMargins): TableLayout {
  const rows = cells.length;
  const columns = checkedCells(cells);
  const rowNode = (r: number) => 1 + r;
  const columnNode = (c: number) => 1 + rows + c;
  const sink = 1 + rows + columns;
  const arcs: Arc[] = [];
  const states: ArcState[] = [];
  const rank: number[] = [];
  const refs: CellRef[] = [];
  const add = (arc: Arc, published: boolean, arcRank: number, ref: CellRef) => {
    arcs.push(arc);
    states.push(published ? 'published' : 'unpublished');
    rank.push(arcRank);
    refs.push(ref);
  };
  const columnTotals = new Array<number>(columns).fill(0);
  cells.forEach((row, r) =>
    row.forEach((value, c) => {
      columnTotals[c] += value;
      add({ from: rowNode(r), to: columnNode(c), value }, true, 0, { row: r, column: c });
    }),
  );
  const rowTotals = cells.map((row) => row.reduce((sum, value) => sum + value, 0));
  rowTotals.forEach((value, r) => add({ from: 0, to: rowNode(r), value }, margins.rowTotals, 1, { row: r, column: 'total' }));
  columnTotals.forEach((value, c) =>
    add({ from: columnNode(c), to: sink, value }, margins.columnTotals, 1, { row: 'total', column: c }),
  );
  const grand = rowTotals.reduce((sum, value) => sum + value, 0);
  add({ from: sink, to: 0, value: grand }, margins.grandTotal, 2, { row: 'total', column: 'total' });
  return { network: flowNetwork(sink + 1, arcs), states, rank, refs };
}

function tableMask(cells: readonly (readonly number[])[], states: readonly ArcState[]): TableMask {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  const blank = (index: number) => states[index] === 'blanked';
  return {
    cells: cells.map((_, r) => Array.from({ length: columns }, (_, c) => blank(r * columns + c))),
    rowTotals: Array.from({ length: rows }, (_, r) => blank(rows * columns + r)),
    columnTotals: Array.from({ length: columns }, (_, c) => blank(rows * columns + rows + c)),
    grandTotal: blank(rows * columns + rows + columns),
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function ruleText(threshold: number, minimumRange: number, primary: number, complementary: number, totals: number): string {
  const derived = minimumRange > 1 ? `narrowed to fewer than ${minimumRange + 1} possible values` : 'worked out exactly';
  const ofWhichTotals = totals > 0 ? ` ${plural(totals, 'blanked value')} ${totals === 1 ? 'is a total' : 'are totals'}.` : '';
  return (
    `Small-cell suppression: counts from 1 to ${threshold} are blanked (${plural(primary, 'value')}); ` +
    `${complementary} further ${complementary === 1 ? 'value is' : 'values are'} blanked so that no blank can be ` +
    `${derived} from the published cells and totals.${ofWhichTotals} Zero counts are shown as zero. ` +
    'Every measure of a blanked cell or total is blanked with it.'
  );
}

/**
 * Decides which cells and totals of a count table to blank before export.
 *
 * - Primary: every published count from 1 to `threshold`. Totals are counts too: a total of 1 to
 *   `threshold` is blanked like a cell (so a row whose only non-zero cell is small loses its
 *   total as well).
 * - Complementary: while a row, column, the row of column totals or the column of row totals
 *   holds exactly one blank, the smallest non-zero value of that line is blanked too — cells
 *   before totals, and preferring a value whose other line also needs a partner. Then an exact
 *   check (see {@link blankedRanges}) blanks the nearest further value for any blank still
 *   derivable, until none is.
 * - Zero is a fact: it is never blanked and never used as a complement. Because of that a reader
 *   knows every blank is at least 1, and the check assumes so.
 *
 * Margins are taken as the sums of the cells. Pass the counts that decide (patients or
 * encounters) and apply the returned mask to every measure of the same cells and totals.
 *
 * Limits: distinct-patient totals across overlapping categories are not sums of their cells, and
 * the protection is proved only for additive totals. The check assumes a reader who does not know
 * which blanks are primary (so not that those lie in 1..threshold). The blanks chosen are safe,
 * not a minimum set.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  options: TableSuppressionOptions = {},
): Suppression<TableMask> {
  const threshold = positiveWhole('threshold', options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  const minimumRange = positiveWhole('minimumRange', options.minimumRange ?? 1);
  const layout = tableLayout(cells, { ...ALL_MARGINS, ...options.margins });
  const states = [...layout.states];
  let primary = 0;
  states.forEach((state, index) => {
    const value = layout.network.arcs[index].value;
    if (state !== 'published' || value < 1 || value > threshold) return;
    states[index] = 'blanked';
    primary++;
  });
  protect(layout.network, states, layout.rank, minimumRange);
  const blanked = states.filter((state) => state === 'blanked').length;
  const blankedTotals = states.filter((state, index) => state === 'blanked' && layout.rank[index] > 0).length;
  return {
    mask: tableMask(cells, states),
    primary,
    complementary: blanked - primary,
    rule: ruleText(threshold, minimumRange, primary, blanked - primary, blankedTotals),
  };
}

const LIST_MARGINS = (total: boolean): PublishedMargins => ({ rowTotals: total, columnTotals: false, grandTotal: false });

/** {@link suppressTable} for a single list of counts and its total (one row, no column totals). */
export function suppressList(counts: readonly number[], options: ListSuppressionOptions = {}): Suppression<ListMask> {
  const { total = true, ...rest } = options;
  const { mask, ...result } = suppressTable([counts], { ...rest, margins: LIST_MARGINS(total) });
  return { ...result, mask: { cells: mask.cells[0], total: mask.rowTotals[0] } };
}

/** What a reader of the file knows of each value once `mask` is applied. */
function readerView(cells: readonly (readonly number[])[], mask: TableMask, margins: Partial<PublishedMargins>) {
  const layout = tableLayout(cells, { ...ALL_MARGINS, ...margins });
  const shape = tableMask(cells, layout.states);
  const sameLength = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length;
  if (
    !sameLength(mask.cells, shape.cells) ||
    mask.cells.some((row, r) => !sameLength(row, shape.cells[r])) ||
    !sameLength(mask.rowTotals, shape.rowTotals) ||
    !sameLength(mask.columnTotals, shape.columnTotals)
  ) {
    throw new RangeError('the mask does not have the shape of the table');
  }
  const flat = [...mask.cells.flat(), ...mask.rowTotals, ...mask.columnTotals, mask.grandTotal];
  const states = layout.states.map((state, index): ArcState => {
    if (state !== 'published' || !flat[index]) return state;
    if (layout.network.arcs[index].value === 0) throw new RangeError('the mask blanks a zero, which is never blanked');
    return 'blanked';
  });
  return { layout, states };
}

/**
 * The attacker: for every value `mask` blanks, the exact range of whole numbers it can take given
 * everything published — the other cells, the published totals, and that blanks are at least 1.
 * (Every linear-programming bound of such a table is a whole number, so this is also the integer
 * range.) Totals listed as unpublished in `margins` are unknown to the reader, not blanked.
 */
export function blankedRanges(
  cells: readonly (readonly number[])[],
  mask: TableMask,
  margins: Partial<PublishedMargins> = {},
): BlankedRange[] {
  const { layout, states } = readerView(cells, mask, margins);
  return states.flatMap((state, index) =>
    state === 'blanked' ? [{ ...layout.refs[index], ...valueRange(layout.network, states, index) }] : [],
  );
}

/**
 * The blanked values a reader can work out exactly: those whose {@link blankedRanges} range has
 * `min === max`. Answers from reachability alone, so it stays fast on large tables.
 */
export function recoverableCells(
  cells: readonly (readonly number[])[],
  mask: TableMask,
  margins: Partial<PublishedMargins> = {},
): CellRef[] {
  const { layout, states } = readerView(cells, mask, margins);
  return states.flatMap((state, index) =>
    state === 'blanked' && isDisclosed(layout.network, states, index, 1) ? [layout.refs[index]] : [],
  );
}

/** Applies a mask to one measure's values (counts, charges, rates…): a blanked value becomes `null`. */
export function blankMasked<T>(values: readonly T[], mask: readonly boolean[]): (T | null)[] {
  if (values.length !== mask.length) throw new RangeError(`${values.length} values but a mask of ${mask.length}`);
  return values.map((value, index) => (mask[index] ? null : value));
}
