import { csvRow } from '../index.js';
import { parseCsv } from './sample.js';

describe('csvRow', () => {
  it('joins plain fields with commas and ends the record with \\n', () => {
    expect(csvRow(['a', '', '12.50', 'Medicare Part B'])).toBe('a,,12.50,Medicare Part B\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvRow(['x', 'a,b', 'say "hi"', 'two\nlines', 'cr\r'])).toBe('x,"a,b","say ""hi""","two\nlines","cr\r"\n');
  });

  it('round-trips awkward fields through an RFC 4180 reader', () => {
    const fields = ['E1', 'Smith, John', '"quoted"', 'line1\nline2', '', ' padded ', 'ünïcode', '","'];
    expect(parseCsv(csvRow(fields))).toEqual([fields]);
  });
});
