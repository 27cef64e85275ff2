import { neutraliseFormula } from '../csv-cell.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('prefixes %j, which a spreadsheet would evaluate, with an apostrophe', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['', 'CARD', '99213', 'charge_amount: -5.00 is negative', "'=already text", ' =1', 'E1,PT****,2023-01-01'])(
    'leaves %j as it is: it does not start a formula',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );

  it('only looks at the first character', () => {
    expect(neutraliseFormula('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(neutraliseFormula('-')).toBe("'-");
  });
});
