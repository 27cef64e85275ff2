import type { Grain } from '@caseload/domain';
import type { AggregateQuery } from '../../analytics/aggregate-query.js';
import type { SliceSpec } from '../../analytics/aggregate-sql.js';
import { buildStreamSql, periodParts } from '../export-stream-sql.js';
import { inlineParameters } from '../export-sql-literals.js';

/** A query and its slice, as periodParts takes them. */
function question(grain: Grain, from: string, to: string, groupBy: AggregateQuery['groupBy'], extra: Partial<AggregateQuery> = {}): [AggregateQuery, SliceSpec] {
  const query: AggregateQuery = { measures: ['lines'], groupBy, grain, from, to, filters: {}, orderBy: null, limit: null, compare: null, ...extra } as AggregateQuery;
  const spec = { measures: ['lines'], dimensions: groupBy, grain, fiscalYearStartMonth: 7, from, to, filters: {} } as SliceSpec;
  return [query, spec];
}

describe('periodParts', () => {
  it('splits an answer ordered by period first into the first half of its periods and the rest', () => {
    expect(periodParts(...question('day', '2024-01-01', '2024-01-31', ['period', 'department', 'code']))).toEqual([
      [0, 16],
      [16, 31],
    ]);
    expect(periodParts(...question('month', '2024-01-01', '2025-12-31', ['period', 'code']))).toEqual([
      [0, 12],
      [12, 24],
    ]);
    // Weeks, quarters and fiscal years (July) whose first and last periods stick out of the range.
    expect(periodParts(...question('week', '2024-01-10', '2024-04-20', ['period']))).toEqual([
      [0, 8],
      [8, 15],
    ]);
    expect(periodParts(...question('quarter', '2024-02-15', '2025-05-15', ['period', 'department']))).toEqual([
      [0, 3],
      [3, 6],
    ]);
    expect(periodParts(...question('fiscal_year', '2022-03-01', '2026-06-30', ['period', 'department']))).toEqual([
      [0, 3],
      [3, 5],
    ]);
  });

  it('leaves whole the answers whose rows do not come period by period, or that have one period', () => {
    expect(periodParts(...question('day', '2024-01-01', '2024-01-31', ['department', 'period']))).toBeNull();
    expect(periodParts(...question('day', '2024-01-01', '2024-01-31', ['department']))).toBeNull();
    expect(periodParts(...question('day', '2024-01-01', '2024-01-31', ['period', 'code'], { orderBy: { key: 'lines', descending: true } }))).toBeNull();
    expect(periodParts(...question('day', '2024-01-01', '2024-01-31', ['period', 'code'], { limit: 10 }))).toBeNull();
    expect(periodParts(...question('month', '2024-03-01', '2024-03-31', ['period', 'code']))).toBeNull();
  });

  it('reads each part’s groups over its own days, and the combinations to fill with zeros over the whole range', () => {
    const [query, spec] = question('day', '2024-01-01', '2024-01-31', ['period', 'department', 'code']);
    const [first, second] = periodParts(query, spec)!;
    const text = (part: typeof first) => inlineParameters(buildStreamSql(query, spec, { part }));
    expect(text(first)).toContain("BETWEEN '2024-01-01'::date AND '2024-01-16'::date");
    expect(text(second)).toContain("BETWEEN '2024-01-17'::date AND '2024-01-31'::date");
    for (const part of [first, second]) expect(text(part)).toMatch(/gk AS \(SELECT [^)]* BETWEEN '2024-01-01'::date AND '2024-01-31'::date GROUP BY 1, 2\)/);
  });
});
