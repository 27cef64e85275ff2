import { neutraliseFormula } from '../../../../common/csv-cell.js';
import { field, plainNumber } from '../csv-writer.js';
import { TextBytes } from '../text-bytes.js';

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function spelled(write: (xml: TextBytes) => void): string {
  const xml = new TextBytes();
  write(xml);
  return xml.view().toString('utf8');
}

describe('TextBytes', () => {
  it('spells numbers exactly as a template literal does', () => {
    const next = random(3);
    const values = [0, -0, 1, -1, 9, 10, 99, 100, 0.01, 0.1, 0.5, 0.05, -0.05, 0.1 + 0.2, 1 / 3, 1e21, 2 ** 53, 999_999_999_999.99, 1e12 + 0.5, 1e15, 123_456_789.12, Number.NaN, Infinity, -Infinity, 1e-7, 5e-324];
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(next() * 16);
      const sign = next() < 0.3 ? -1 : 1;
      // Whole cents (money), whole numbers (counts), and any double (rates).
      values.push((sign * Math.floor(next() * magnitude * 100)) / 100, sign * Math.floor(next() * magnitude), sign * next() * magnitude);
    }
    for (const value of values) {
      expect([value, spelled((xml) => xml.number(value))]).toEqual([value, `${value}`]);
      // The CSV writer's spelling: never an exponent.
      expect([value, spelled((xml) => xml.number(value, plainNumber))]).toEqual([value, plainNumber(value)]);
    }
  });

  it('writes a label as a CSV field exactly as the CSV writer does', () => {
    const labels = ['', 'plain', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', '=SUM(A1)', '+1', '-2', '@x', '\tlead', '\rlead', '="x,y"', 'Zürich – 東京 🙂', '"', ',', "'=already"];
    for (const label of labels) {
      const bytes = Buffer.from(`..${label}..`, 'utf8');
      expect([label, spelled((xml) => xml.csvField(bytes, 2, bytes.length - 2))]).toEqual([label, field(neutraliseFormula(label))]);
    }
  });

  it('escapes markup characters, drops forbidden control characters and keeps other text as it is', () => {
    const text = 'A&B <"quoted"> \'x\' tab\there\nline\r bell\u0007 vt\u000b nul\u0000 del\u007f é 東京 🙂';
    const bytes = Buffer.from(`..${text}..`, 'utf8');
    expect(spelled((xml) => xml.xmlText(bytes, 2, bytes.length - 2))).toBe('A&amp;B &lt;&quot;quoted&quot;&gt; &apos;x&apos; tab\there\nline\r bell vt nul del é 東京 🙂');
  });

  it('grows past its first megabyte and starts over after a reset', () => {
    const xml = new TextBytes();
    const block = Buffer.alloc(300_000, 0x61);
    for (let i = 0; i < 5; i++) xml.raw(block);
    xml.integer(42);
    expect(xml.size).toBe(1_500_002);
    expect(xml.view().subarray(-3).toString()).toBe('a42');
    xml.reset();
    xml.integer(7);
    expect(xml.view().toString()).toBe('7');
  });
});
