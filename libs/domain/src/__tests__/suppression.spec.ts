import {
  blankedRanges,
  blankMasked,
  DEFAULT_SUPPRESSION_THRESHOLD,
  recoverableCells,
  suppressList,
  suppressTable,
  type PublishedMargins,
  type TableMask,
} from '../suppression.js';

type Table = number[][];

/** Small, seeded, reproducible: the same tables on every run. */
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

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Many zeros and many small counts, as in a department × code table of a small clinic. */
function randomCount(random: () => number): number {
  const draw = random();
  if (draw < 0.2) return 0;
  if (draw < 0.45) return between(random, 1, 3);
  if (draw < 0.65) return between(random, 4, 10);
  return between(random, 11, 150);
}

function randomTable(random: () => number, rows: number, columns: number): Table {
  const table = Array.from({ length: rows }, () => Array.from({ length: columns }, () => randomCount(random)));
  // Whole zero rows and columns happen (a department that saw no one in a month).
  if (rows > 1 && random() < 0.3) table[between(random, 0, rows - 1)].fill(0);
  if (columns > 1 && random() < 0.3) for (const row of table) row[between(random, 0, columns - 1)] = 0;
  return table;
}

const sums = (table: Table) => ({
  rows: table.map((row) => row.reduce((a, b) => a + b, 0)),
  columns: table.length === 0 ? [] : table[0].map((_, c) => table.reduce((sum, row) => sum + row[c], 0)),
});

const noTotals = (table: Table): Omit<TableMask, 'cells'> => ({
  rowTotals: table.map(() => false),
  columnTotals: table[0].map(() => false),
  grandTotal: false,
});

/** 'T' marks a blank in a picture of the cells. */
const cellsOf = (picture: string[]) => picture.map((line) => [...line].map((mark) => mark === 'T'));

// Row totals 80, 49, 61; column totals 45, 101, 44; grand total 190.
const TEXTBOOK: Table = [
  [20, 50, 10],
  [8, 19, 22],
  [17, 32, 12],
];

describe('suppressTable', () => {
  it('blanks the textbook 3×3 example with one rectangle of four cells', () => {
    const result = suppressTable(TEXTBOOK);

    expect(result.mask).toEqual({
      cells: cellsOf(['T.T', 'T.T', '...']),
      rowTotals: [false, false, false],
      columnTotals: [false, false, false],
      grandTotal: false,
    });
    expect(result.primary).toBe(2);
    expect(result.complementary).toBe(2);
    // Moving t round the rectangle keeps every total: 20+t, 10−t, 8−t, 22+t, each at least 1.
    expect(blankedRanges(TEXTBOOK, result.mask)).toEqual([
      { row: 0, column: 0, min: 1, max: 27 },
      { row: 0, column: 2, min: 3, max: 29 },
      { row: 1, column: 0, min: 1, max: 27 },
      { row: 1, column: 2, min: 3, max: 29 },
    ]);
  });

  it('says in the manifest what was blanked and why', () => {
    expect(suppressTable(TEXTBOOK).rule).toBe(
      'Small-cell suppression: counts from 1 to 10 are blanked (2 values); 2 further values are blanked so that ' +
        'no blank can be worked out exactly from the published cells and totals. Zero counts are shown as zero. ' +
        'Every measure of a blanked cell or total is blanked with it.',
    );
  });

  it('pairs a lone small cell in a row with a cell of its row and a cell of its column', () => {
    const table = [
      [40, 30, 25],
      [35, 4, 60],
      [50, 45, 33],
    ];
    const result = suppressTable(table);

    expect(result.mask.cells).toEqual(cellsOf(['TT.', 'TT.', '...']));
    expect(result.mask.rowTotals.concat(result.mask.columnTotals, result.mask.grandTotal)).not.toContain(true);
    expect(blankedRanges(table, result.mask).find((range) => range.row === 1 && range.column === 1)).toEqual({
      row: 1,
      column: 1,
      min: 1,
      max: 33,
    });
  });

  it('protects a lone small cell in a column the same way', () => {
    const table = [
      [40, 35, 50],
      [30, 4, 45],
      [25, 60, 33],
    ];
    const result = suppressTable(table);

    expect(result.mask.cells).toEqual(cellsOf(['...', 'TT.', 'TT.']));
    expect([result.primary, result.complementary]).toEqual([1, 3]);
    expect(recoverableCells(table, result.mask)).toEqual([]);
  });

  it('blanks small totals too when every cell is small, keeping the grand total', () => {
    // Row totals 7 and 11, column totals 8 and 10, grand total 18.
    const table = [
      [3, 4],
      [5, 6],
    ];
    const result = suppressTable(table);

    expect(result.mask).toEqual({
      cells: cellsOf(['TT', 'TT']),
      rowTotals: [true, true],
      columnTotals: [true, true],
      grandTotal: false,
    });
    // The four cells and the totals 7, 8 and 10 are small; 11 goes so that 7 = 18 − 11 stays hidden.
    expect([result.primary, result.complementary]).toEqual([7, 1]);
    expect(result.rule).toContain('4 blanked values are totals.');
    expect(recoverableCells(table, result.mask)).toEqual([]);
  });

  it('blanks a small row total and a second row total that would give it away', () => {
    // Row totals 5, 90, 105: the first row's only non-zero cell is small, so its total is small too.
    const table = [
      [5, 0, 0],
      [20, 30, 40],
      [25, 35, 45],
    ];
    const result = suppressTable(table);

    expect(result.mask).toEqual({
      cells: cellsOf(['T..', 'T..', '...']),
      rowTotals: [true, true, false],
      columnTotals: [false, false, false],
      grandTotal: false,
    });
    expect([result.primary, result.complementary]).toEqual([2, 2]);
    expect(blankedRanges(table, result.mask)).toEqual([
      { row: 0, column: 0, min: 1, max: 24 },
      { row: 1, column: 0, min: 1, max: 24 },
      { row: 0, column: 'total', min: 1, max: 24 },
      { row: 1, column: 'total', min: 71, max: 94 },
    ]);
  });

  it('blanks more than the line rule when the blanks could only be ones', () => {
    const table = [
      [1, 1, 20],
      [1, 1, 20],
      [30, 30, 30],
    ];
    const result = suppressTable(table);

    // Every line already holds two blanks, yet each pair sums to 2: the exact check adds partners.
    expect(result.primary).toBe(4);
    expect(result.complementary).toBeGreaterThan(0);
    expect(recoverableCells(table, result.mask)).toEqual([]);
  });

  it('keeps zero rows and zero cells as published facts', () => {
    const table = [
      [0, 0, 0],
      [12, 3, 40],
      [25, 30, 18],
    ];
    const result = suppressTable(table);

    // The zeros above 12 and 3 cannot serve as complements, so the partners come from the last row.
    expect(result.mask.cells).toEqual(cellsOf(['...', 'TT.', 'TT.']));
    expect(result.mask.rowTotals).toEqual([false, false, false]);
    expect(recoverableCells(table, result.mask)).toEqual([]);
  });

  it('leaves a table of zeros and large counts alone', () => {
    const result = suppressTable([
      [0, 120],
      [45, 0],
    ]);

    expect(result.mask.cells.flat()).not.toContain(true);
    expect([result.primary, result.complementary]).toEqual([0, 0]);
  });

  it('needs no complements when no totals are published', () => {
    const result = suppressTable(TEXTBOOK, { margins: { rowTotals: false, columnTotals: false, grandTotal: false } });

    expect(result.mask.cells).toEqual(cellsOf(['..T', 'T..', '...']));
    expect(result.complementary).toBe(0);
  });

  it('takes the threshold from the options', () => {
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(10);
    const result = suppressTable(TEXTBOOK, { threshold: 8 });

    expect(result.mask.cells[0][2]).toBe(false);
    expect(result.mask.cells[1][0]).toBe(true);
    expect(result.rule).toContain('counts from 1 to 8 are blanked');
  });

  it('widens the blanks when a minimum range is asked for', () => {
    const narrow = suppressList([2, 1, 40]);
    const wide = suppressList([2, 1, 40], { minimumRange: 3 });

    // 2 + 1 = 3 and neither is 0: each lies in 1..2, which is not exact but narrow.
    expect(narrow.mask.cells).toEqual([true, true, false]);
    expect(wide.mask.cells).toEqual([true, true, true]);
    expect(wide.rule).toContain('no blank can be narrowed to fewer than 4 possible values');
  });

  it('rejects counts that are not non-negative whole numbers, and ragged tables', () => {
    expect(() => suppressTable([[1, -2]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[Number.NaN]])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(/row 1 has 1 cells/);
    expect(() => suppressTable([[1]], { threshold: 0 })).toThrow(RangeError);
    expect(() => suppressTable([[1]], { minimumRange: 0.5 })).toThrow(RangeError);
  });

  it('handles an empty table', () => {
    expect(suppressTable([]).mask).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: false });
  });

  it('suppresses a 50 × 40 table', () => {
    const table = randomTable(mulberry32(50_40), 50, 40);
    const result = suppressTable(table);

    expect(result.mask.cells).toHaveLength(50);
    expect(result.primary).toBeGreaterThan(0);
    expect(recoverableCells(table, result.mask)).toEqual([]);
  });
});

describe('suppressList', () => {
  it('blanks a small count and the next smallest non-zero count', () => {
    const result = suppressList([3, 50, 60, 0, 12]);

    expect(result.mask).toEqual({ cells: [true, false, false, false, true], total: false });
    expect([result.primary, result.complementary]).toEqual([1, 1]);
  });

  it('blanks a small total with the small count it equals', () => {
    expect(suppressList([3, 0, 0]).mask).toEqual({ cells: [true, false, false], total: true });
  });

  it('blanks more when the blanks could only be ones', () => {
    // 1 + 1 = 2 with neither 0 means both are 1: the 40 must go too.
    expect(suppressList([1, 1, 40]).mask.cells).toEqual([true, true, true]);
  });

  it('needs no complement when the total is not published', () => {
    expect(suppressList([3, 50], { total: false })).toMatchObject({
      mask: { cells: [true, false], total: false },
      complementary: 0,
    });
  });

  it('uses a threshold from the options', () => {
    expect(suppressList([6, 40, 3, 50], { threshold: 5 })).toMatchObject({
      mask: { cells: [true, false, true, false], total: false },
      primary: 1,
      complementary: 1,
    });
  });
});

describe('blankMasked', () => {
  it('blanks every measure of a blanked cell', () => {
    const charges = [1250.5, 80_000, 99.99];
    expect(blankMasked(charges, [true, false, true])).toEqual([null, 80_000, null]);
    expect(() => blankMasked(charges, [true])).toThrow(RangeError);
  });
});

describe('the attacker', () => {
  const primaryOnly: TableMask = { cells: cellsOf(['..T', 'T..', '...']), ...noTotals(TEXTBOOK) };

  it('works out a blank that is the only one in its row', () => {
    expect(recoverableCells(TEXTBOOK, primaryOnly)).toEqual([
      { row: 0, column: 2 },
      { row: 1, column: 0 },
    ]);
    expect(blankedRanges(TEXTBOOK, primaryOnly)).toEqual([
      { row: 0, column: 2, min: 10, max: 10 },
      { row: 1, column: 0, min: 8, max: 8 },
    ]);
  });

  it('uses the fact that a blank is never zero', () => {
    const table = [
      [1, 1, 20],
      [1, 1, 20],
      [30, 30, 30],
    ];
    const mask: TableMask = { cells: cellsOf(['TT.', 'TT.', '...']), ...noTotals(table) };

    // Each row's two blanks sum to 2, so both are 1, although every line holds two blanks.
    expect(recoverableCells(table, mask)).toHaveLength(4);
  });

  it('works out a blank total from the other totals', () => {
    const mask: TableMask = { cells: cellsOf(['...', '...', '...']), ...noTotals(TEXTBOOK), rowTotals: [true, false, false] };
    expect(blankedRanges(TEXTBOOK, mask)).toEqual([{ row: 0, column: 'total', min: 80, max: 80 }]);
  });

  it('knows nothing bounds a blank when no totals are published', () => {
    const margins: PublishedMargins = { rowTotals: false, columnTotals: false, grandTotal: false };
    expect(blankedRanges(TEXTBOOK, primaryOnly, margins)).toEqual([
      { row: 0, column: 2, min: 1, max: Infinity },
      { row: 1, column: 0, min: 1, max: Infinity },
    ]);
  });

  it('rejects a mask that blanks a zero or does not fit the table', () => {
    const table = [
      [0, 5],
      [7, 9],
    ];
    expect(() => blankedRanges(table, { cells: cellsOf(['T.', '..']), ...noTotals(table) })).toThrow(/zero/);
    expect(() => blankedRanges(table, { cells: cellsOf(['..']), ...noTotals(table) })).toThrow(/shape/);
  });
});

describe('suppression on random tables', () => {
  const random = mulberry32(20240611);
  const cases = Array.from({ length: 80 }, (_, index) => {
    const rows = between(random, 1, 8);
    const columns = between(random, 1, 12);
    const margins: PublishedMargins =
      index % 5 === 4
        ? { rowTotals: random() < 0.5, columnTotals: random() < 0.5, grandTotal: random() < 0.5 }
        : { rowTotals: true, columnTotals: true, grandTotal: true };
    const threshold = index % 7 === 6 ? between(random, 1, 20) : DEFAULT_SUPPRESSION_THRESHOLD;
    return { index, table: randomTable(random, rows, columns), margins, threshold };
  });

  it.each(cases)('protects every blank of table $index', ({ table, margins, threshold }) => {
    const input = structuredClone(table);
    const result = suppressTable(table, { margins, threshold });
    const { rows, columns } = sums(table);
    const grand = rows.reduce((a, b) => a + b, 0);
    const small = (count: number) => count >= 1 && count <= threshold;

    // (a) every small published count is blanked, (b) no zero is.
    table.forEach((row, r) =>
      row.forEach((count, c) => {
        if (small(count)) expect(result.mask.cells[r][c]).toBe(true);
        if (count === 0) expect(result.mask.cells[r][c]).toBe(false);
      }),
    );
    rows.forEach((total, r) => {
      if (margins.rowTotals && small(total)) expect(result.mask.rowTotals[r]).toBe(true);
      if (total === 0 || !margins.rowTotals) expect(result.mask.rowTotals[r]).toBe(false);
    });
    columns.forEach((total, c) => {
      if (margins.columnTotals && small(total)) expect(result.mask.columnTotals[c]).toBe(true);
      if (total === 0 || !margins.columnTotals) expect(result.mask.columnTotals[c]).toBe(false);
    });
    if (grand === 0 || !margins.grandTotal) expect(result.mask.grandTotal).toBe(false);

    // (c) the attacker recovers nothing from what is published.
    expect(recoverableCells(table, result.mask, margins)).toEqual([]);

    // (d) what is not blanked is published as it was, and the input is untouched.
    expect(table).toEqual(input);
    table.forEach((row, r) =>
      blankMasked(row, result.mask.cells[r]).forEach((shown, c) => expect(shown).toBe(result.mask.cells[r][c] ? null : row[c])),
    );

    const blanks = [...result.mask.cells.flat(), ...result.mask.rowTotals, ...result.mask.columnTotals, result.mask.grandTotal];
    expect(result.primary + result.complementary).toBe(blanks.filter(Boolean).length);
  });

  it('keeps every blank at least as wide as the minimum range asked for', () => {
    const wide = mulberry32(7);
    for (let index = 0; index < 20; index++) {
      const table = randomTable(wide, between(wide, 2, 6), between(wide, 2, 8));
      const { mask } = suppressTable(table, { minimumRange: 5 });
      for (const range of blankedRanges(table, mask)) expect(range.max - range.min).toBeGreaterThanOrEqual(5);
    }
  });

  it('protects random lists with their totals', () => {
    const lists = mulberry32(11);
    for (let index = 0; index < 40; index++) {
      const counts = Array.from({ length: between(lists, 1, 12) }, () => randomCount(lists));
      const { mask } = suppressList(counts);
      const table = [counts];
      const margins: PublishedMargins = { rowTotals: true, columnTotals: false, grandTotal: false };
      const tableMask: TableMask = { cells: [mask.cells], rowTotals: [mask.total], columnTotals: counts.map(() => false), grandTotal: false };

      counts.forEach((count, c) => {
        if (count >= 1 && count <= 10) expect(mask.cells[c]).toBe(true);
        if (count === 0) expect(mask.cells[c]).toBe(false);
      });
      expect(recoverableCells(table, tableMask, margins)).toEqual([]);
    }
  });
});
