import { buildCodeTrends, buildTopCodes, nextTopCodeSort, sortTopCodes, withTrends } from '../top-codes';

// 70450: 120 vs 100 (+20, +20 %); 99213: 300 vs 400 (−100, −25 %); J1100: 50 vs 0 (new).
const codeRows = [
  { code: '99213', lines: 300, lines_compare: 400 },
  { code: '70450', lines: 120, lines_compare: 100 },
  { code: 'J1100', lines: 50, lines_compare: 0 },
];

describe('buildTopCodes', () => {
  it('keeps the API order and works out the change against a year earlier', () => {
    const codes = buildTopCodes(codeRows);
    expect(codes.map((code) => [code.code, code.sectionName, code.lines, code.previous, code.change, code.percent])).toEqual([
      ['99213', 'Evaluation & management', 300, 400, -100, -0.25],
      ['70450', 'Radiology', 120, 100, 20, 0.2],
      ['J1100', 'HCPCS Level II', 50, 0, 50, null],
    ]);
  });
});

describe('code trends', () => {
  it('give each code a value for every period, zero where it had none', () => {
    const trends = buildCodeTrends([
      { period: '2025-02', code: '70450', lines: 70 },
      { period: '2025-01', code: '70450', lines: 50 },
      { period: '2025-02', code: '99213', lines: 300 },
    ]);
    expect(trends.periods).toEqual(['2025-01', '2025-02']);
    const codes = withTrends(buildTopCodes(codeRows), trends);
    expect(codes.map((code) => code.trend)).toEqual([
      [0, 300],
      [50, 70],
      [0, 0],
    ]);
  });
});

describe('sortTopCodes', () => {
  const codes = buildTopCodes(codeRows);
  const order = (key: Parameters<typeof sortTopCodes>[1]) => sortTopCodes(codes, key).map((code) => code.code);

  it('sorts by any column, both ways', () => {
    expect(order({ key: 'lines', direction: 'descending' })).toEqual(['99213', '70450', 'J1100']);
    expect(order({ key: 'change', direction: 'ascending' })).toEqual(['99213', '70450', 'J1100']);
    expect(order({ key: 'code', direction: 'descending' })).toEqual(['J1100', '99213', '70450']);
    expect(order({ key: 'previous', direction: 'ascending' })).toEqual(['J1100', '70450', '99213']);
  });

  it('puts new codes (no percentage) last either way', () => {
    expect(order({ key: 'percent', direction: 'descending' })).toEqual(['70450', '99213', 'J1100']);
    expect(order({ key: 'percent', direction: 'ascending' })).toEqual(['99213', '70450', 'J1100']);
  });

  it('flips the same column and starts a new one biggest first', () => {
    expect(nextTopCodeSort({ key: 'lines', direction: 'descending' }, 'lines')).toEqual({ key: 'lines', direction: 'ascending' });
    expect(nextTopCodeSort({ key: 'lines', direction: 'descending' }, 'change')).toEqual({ key: 'change', direction: 'descending' });
    expect(nextTopCodeSort({ key: 'lines', direction: 'descending' }, 'code')).toEqual({ key: 'code', direction: 'ascending' });
  });
});
