import { csvCell, tableCsv } from '../table-csv';

describe('tableCsv', () => {
  it('quotes what RFC 4180 says and writes numbers as they are', () => {
    expect(tableCsv(['Key', 'Amount'], [['CARD', 216.39], ['a, "b"', -7.06], [null, 0]])).toBe('Key,Amount\r\nCARD,216.39\r\n"a, ""b""",-7.06\r\n,0\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
  });
});
