import type { AggregateValue } from '@caseload/contracts';
import type { MeasureId } from '@caseload/domain';
import { batchRows, type ColumnBatch } from '../export-columns.js';
import { CopyColumnReader, copyNumber } from '../export-copy-columns.js';
import { copyField } from '../export-copy-text.js';
import { rowReader } from '../export-rows.repository.js';
import type { StreamStatement } from '../export-stream-sql.js';

const MEASURES: MeasureId[] = ['lines', 'charges', 'denial_rate'];
const COMPONENTS = ['lines', 'charge_cents', 'denied_lines', 'adjudicated_lines'];

function statement(compared: boolean): StreamStatement {
  return { text: '', values: [], source: 'facts', components: COMPONENTS, compared } as unknown as StreamStatement;
}

/** Reads the text through CopyColumnReader, fed in the given chunk sizes, one after another. */
function readColumns(text: string, compared: boolean, capacity: number, chunkSizes: (i: number) => number): { batches: ColumnBatch[]; rows: AggregateValue[][] } {
  const reader = new CopyColumnReader(MEASURES, 2, statement(compared), capacity);
  const bytes = Buffer.from(text, 'utf8');
  const batches: ColumnBatch[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, chunkSizes(i));
    batches.push(...reader.push(bytes.subarray(at, at + size)));
    at += size;
  }
  batches.push(...reader.end());
  return { batches, rows: batches.flatMap((batch) => batchRows(batch)) };
}

/** The rows as the cells path reads them: each line split on tabs, unescaped, through rowReader. */
function readCells(text: string, compared: boolean): AggregateValue[][] {
  const toCells = rowReader(MEASURES, 2, statement(compared));
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => toCells(line.split('\t').map(copyField)));
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const AWKWARD_LINES = [
  '2025-01-01\tCardiology\t3\t123450\t1\t2',
  '2025-01-02\t\\N\t0\t0\t0\t0',
  '2025-01-03\tZürich – 東京 🙂\t-7\t-199\t0\t5',
  '2025-01-04\ttab\\there\\\\back\\nline\t12\t1234567890123456789\t\\N\t3',
  '2025-01-05\t\t1\t99999999999999999999.5\t2\t2',
  '2025-01-06\toct\\101hex\\x42\t2\t1e+3\t0\t0',
  '\\N\t\\\\N\t5\t-0\t1\t4',
];

describe('CopyColumnReader', () => {
  it('reads labels, nulls, escapes, non-ASCII text and numbers as the cells path does, whatever the chunks', () => {
    const text = `${AWKWARD_LINES.join('\n')}\n`;
    const expected = readCells(text, false);
    expect(expected).toHaveLength(7);
    expect(expected[3]![1]).toBe('tab\there\\back\nline');
    // Every split point, including inside a multi-byte character and inside an escape.
    for (let size = 1; size <= text.length; size++) expect(readColumns(text, false, 3, () => size).rows).toEqual(expected);
  });

  it('keeps a last line that has no newline, and hands over full batches as they fill', () => {
    const text = AWKWARD_LINES.join('\n');
    const { batches, rows } = readColumns(text, false, 3, () => 5);
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(rows).toEqual(readCells(text, false));
  });

  it('reads the comparison components, with null for a period that has none', () => {
    const lines = ['2025-01\tCardiology\t3\t1050\t1\t2\t4\t999\t0\t1', '2025-02\tCardiology\t2\t0\t0\t0\t\\N\t\\N\t\\N\t\\N', '2025-03\tRadiology\t1\t1\t0\t0\t0\t0\t0\t0'];
    const text = `${lines.join('\n')}\n`;
    const expected = readCells(text, true);
    expect(expected[0]).toEqual(['2025-01', 'Cardiology', 3, 4, 10.5, 9.99, 0.5, 0]);
    expect(expected[1]).toEqual(['2025-02', 'Cardiology', 2, null, 0, null, null, null]);
    expect(readColumns(text, true, 2, (i) => 7 + i).rows).toEqual(expected);
  });

  it('agrees with the cells path on many random rows fed in random chunks', () => {
    const next = random(7);
    const names = ['Cardiology', 'Radiology', 'Émergence', '神経科', 'A\\\\B', 'x\\ty', '\\N', ''];
    const number = () => {
      const digits = String(Math.floor(next() * 10 ** (1 + Math.floor(next() * 17))));
      const sign = next() < 0.2 ? '-' : '';
      return next() < 0.3 ? `${sign}${digits.slice(0, -2) || '0'}.${digits.slice(-2)}` : `${sign}${digits}`;
    };
    const lines = Array.from({ length: 5_000 }, (_, r) => [`2025-${String((r % 12) + 1).padStart(2, '0')}`, names[r % names.length], number(), number(), number(), next() < 0.1 ? '0' : number()].join('\t'));
    const text = `${lines.join('\n')}\n`;
    const { batches, rows } = readColumns(text, false, 2_000, () => 1 + Math.floor(next() * 300));
    expect(batches.map((batch) => batch.length)).toEqual([2_000, 2_000, 1_000]);
    expect(rows).toEqual(readCells(text, false));
  });

  it('refuses a row with fewer fields than the statement has', () => {
    const reader = new CopyColumnReader(MEASURES, 2, statement(false), 10);
    expect(() => reader.push(Buffer.from('2025-01-01\tCardiology\t3\n'))).toThrow('an export row had 3 fields where 6 were expected');
  });
});

describe('copyNumber', () => {
  const read = (text: string) => copyNumber(Buffer.from(`x${text}y`, 'latin1'), 1, text.length + 1);

  it('reads integers and decimals of any length exactly as Number() reads their text', () => {
    const next = random(11);
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(next() * 20);
      let digits = '';
      for (let d = 0; d < length; d++) digits += String(Math.floor(next() * 10));
      const point = Math.floor(next() * (length + 1));
      const text = `${next() < 0.3 ? '-' : ''}${point === length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`}`;
      expect([text, read(text)]).toEqual([text, Number(text)]);
    }
  });

  it('reads other spellings through Number()', () => {
    for (const text of ['1e+20', '-2.5E-3', 'NaN', 'Infinity', '', '-', '1.2.3', '0x10']) expect([text, read(text)]).toEqual([text, Number(text)]);
  });
});
