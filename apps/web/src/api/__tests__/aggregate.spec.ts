import { aggregateUrl, parseAggregateResponse } from '../aggregate';

describe('aggregateUrl', () => {
  it('writes lists with literal commas, in the documented parameter names', () => {
    expect(
      aggregateUrl({
        measures: ['lines', 'encounters', 'patients', 'charges', 'paid', 'denial_rate'],
        groupBy: ['period'],
        grain: 'month',
        compare: 'previous_year',
      }),
    ).toBe(
      '/api/v1/aggregate?measures=lines,encounters,patients,charges,paid,denial_rate&groupBy=period&grain=month&compare=previous_year',
    );
  });

  it('adds from and to only when given', () => {
    expect(aggregateUrl({ measures: ['lines'], from: '2025-01-01', to: '2025-03-31' })).toBe(
      '/api/v1/aggregate?measures=lines&from=2025-01-01&to=2025-03-31',
    );
  });
});

describe('aggregateUrl with filters', () => {
  it('adds each non-empty filter list, then the order and the limit', () => {
    expect(
      aggregateUrl({
        measures: ['lines'],
        groupBy: ['code'],
        department: ['CARD', 'R&D'],
        section: [],
        payer_category: ['medicare'],
        place_of_service: ['11', '22'],
        compare: 'previous_year',
        orderBy: '-lines',
        limit: 50,
      }),
    ).toBe(
      '/api/v1/aggregate?measures=lines&groupBy=code&department=CARD,R%26D&payer_category=medicare&place_of_service=11,22&compare=previous_year&orderBy=-lines&limit=50',
    );
  });
});

describe('parseAggregateResponse', () => {
  const valid = {
    rows: [{ period: '2025-03', lines: 120 }],
    totals: { lines: 120 },
    meta: { grain: 'month', from: '2025-03-01', to: '2025-03-31', rowCount: 1, suppressed: 0 },
  };

  it('accepts a well-formed answer', () => {
    expect(parseAggregateResponse(valid)).toBe(valid);
  });

  it('refuses an answer without rows, totals or a date range', () => {
    expect(() => parseAggregateResponse({ ...valid, rows: undefined })).toThrow('cannot read');
    expect(() => parseAggregateResponse({ ...valid, totals: null })).toThrow('cannot read');
    expect(() => parseAggregateResponse({ ...valid, meta: { grain: 'month' } })).toThrow('cannot read');
    expect(() => parseAggregateResponse('<html>')).toThrow('cannot read');
  });
});
