import { blankedRanges, recoverableCells, type CellRef, type TableMask } from '../suppression.js';

// The attacker computes ranges with max-flow. Here it is checked against plain enumeration of
// every whole-number table that agrees with what is published, on tables small enough to list.

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The table with its totals as one more column and one more row; the corner is the grand total. */
function augmented(cells: number[][]): number[][] {
  const rows = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = rows[0].map((_, c) => rows.reduce((sum, row) => sum + row[c], 0));
  return [...rows, totals];
}

/** Every row and every column of the augmented table: its last value is the sum of the others. */
function lines(height: number, width: number): [number, number][][] {
  const rowLines = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c): [number, number] => [r, c]));
  const columnLines = Array.from({ length: width }, (_, c) => Array.from({ length: height }, (_, r): [number, number] => [r, c]));
  return [...rowLines, ...columnLines];
}

/**
 * The smallest and largest value of each blank over every whole-number solution with blanks from
 * 1 to `cap`. Fills a blank that is alone in a line from that line; otherwise tries every value
 * for a blank of the line with fewest blanks left.
 */
function enumerate(grid: number[][], blanks: [number, number][], cap: number): { min: number; max: number }[] {
  const height = grid.length;
  const width = grid[0].length;
  const allLines = lines(height, width);
  const index = new Map(blanks.map(([r, c], i) => [r * width + c, i]));
  const found = blanks.map(() => ({ min: Infinity, max: -Infinity }));

  const solve = (values: (number | undefined)[]): void => {
    const known = [...values];
    for (let progress = true; progress; ) {
      progress = false;
      for (const line of allLines) {
        const open = line.filter(([r, c]) => index.has(r * width + c) && known[index.get(r * width + c)!] === undefined);
        const valueAt = ([r, c]: [number, number]) => (index.has(r * width + c) ? known[index.get(r * width + c)!]! : grid[r][c]);
        const last = line[line.length - 1];
        if (open.length === 0) {
          const sum = line.slice(0, -1).reduce((total, cell) => total + valueAt(cell), 0);
          if (sum !== valueAt(last)) return;
          continue;
        }
        if (open.length !== 1) continue;
        const [target] = open;
        const isTotal = target === last;
        const others = line.filter((cell) => cell !== target && cell !== last).reduce((total, cell) => total + valueAt(cell), 0);
        const value = isTotal ? others : valueAt(last) - others;
        if (value < 1 || value > cap) return;
        known[index.get(target[0] * width + target[1])!] = value;
        progress = true;
      }
    }
    const open = blanks.findIndex((_, i) => known[i] === undefined);
    if (open === -1) {
      known.forEach((value, i) => {
        found[i].min = Math.min(found[i].min, value!);
        found[i].max = Math.max(found[i].max, value!);
      });
      return;
    }
    for (let value = 1; value <= cap; value++) {
      const next = [...known];
      next[open] = value;
      solve(next);
    }
  };
  solve(blanks.map(() => undefined));
  return found;
}

function maskOf(cells: number[][], blanks: [number, number][]): TableMask {
  const rows = cells.length;
  const columns = cells[0].length;
  const isBlank = (r: number, c: number) => blanks.some(([br, bc]) => br === r && bc === c);
  return {
    cells: cells.map((row, r) => row.map((_, c) => isBlank(r, c))),
    rowTotals: cells.map((_, r) => isBlank(r, columns)),
    columnTotals: cells[0].map((_, c) => isBlank(rows, c)),
    grandTotal: isBlank(rows, columns),
  };
}

const position = (ref: CellRef, rows: number, columns: number): [number, number] => [
  ref.row === 'total' ? rows : ref.row,
  ref.column === 'total' ? columns : ref.column,
];

describe('the attacker against enumeration', () => {
  const random = mulberry32(424242);
  const cases = Array.from({ length: 120 }, (_, index) => {
    const rows = 2 + (index % 3 === 2 ? 1 : 0);
    const columns = 2 + (index % 2);
    const largest = rows * columns > 6 ? 4 : 6;
    const cells = Array.from({ length: rows }, () =>
      Array.from({ length: columns }, () => (random() < 0.2 ? 0 : 1 + Math.floor(random() * largest))),
    );
    const grid = augmented(cells);
    const nonZero = grid.flatMap((row, r) => row.flatMap((value, c): [number, number][] => (value > 0 ? [[r, c]] : [])));
    const count = Math.min(nonZero.length, 1 + Math.floor(random() * 6));
    const blanks = [...nonZero].sort(() => random() - 0.5).slice(0, count);
    return { index, cells, blanks };
  });

  const seen = { exact: 0, bounded: 0, unbounded: 0 };

  it.each(cases)('agrees on the ranges of case $index', ({ cells, blanks }) => {
    const grid = augmented(cells);
    const grand = grid[cells.length][cells[0].length];
    // Every value is at most the grand total and the table with its totals sums to 4 × grand
    // total, so a bounded blank rises by less than 4 × grand total and an extreme solution stays
    // below 5 × grand total. Under this cap an unbounded blank rises by more than 4 × grand total.
    const cap = 5 * grand + 1;
    const mask = maskOf(cells, blanks);
    const ranges = blankedRanges(cells, mask);
    expect(recoverableCells(cells, mask)).toEqual(
      ranges.filter((range) => range.min === range.max).map(({ row, column }) => ({ row, column })),
    );

    expect(ranges).toHaveLength(blanks.length);
    const listed = enumerate(grid, blanks, cap);
    for (const range of ranges) {
      const [r, c] = position(range, cells.length, cells[0].length);
      const truth = listed[blanks.findIndex(([br, bc]) => br === r && bc === c)];
      expect(range.min).toBe(truth.min);
      if (range.max === Infinity) expect(truth.max).toBeGreaterThan(grid[r][c] + 4 * grand);
      else expect(range.max).toBe(truth.max);
      if (range.min === range.max) seen.exact++;
      else if (range.max === Infinity) seen.unbounded++;
      else seen.bounded++;
    }
  });

  it('covered exact, bounded and unbounded ranges', () => {
    expect(seen.exact).toBeGreaterThan(20);
    expect(seen.bounded).toBeGreaterThan(20);
    expect(seen.unbounded).toBeGreaterThan(20);
  });
});
