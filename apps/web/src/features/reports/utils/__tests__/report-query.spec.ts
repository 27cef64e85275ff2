import { aggregateUrlOf, builderFromReport, builderProblem, DEFAULT_BUILDER, exportUrlOf, moveGroupBy, NO_FILTERS, reportQuery, toggleGroupBy } from '../report-query';
import type { BuilderState } from '../report-query';

const state = (changes: Partial<BuilderState>): BuilderState => ({ ...DEFAULT_BUILDER, ...changes });

describe('reportQuery', () => {
  it('lists the measures in the builder’s order and leaves the grain out without a period', () => {
    expect(reportQuery(state({ measures: ['paid', 'lines'], groupBy: ['department'], grain: 'quarter' }))).toEqual({ measures: 'lines,paid', groupBy: 'department' });
  });

  it('sends the grain when the period is grouped, and each filter that applies', () => {
    const filters = { ...NO_FILTERS, department: ['CARD', 'RAD'], payer_category: ['medicare'] };
    expect(reportQuery(state({ measures: ['lines', 'charges'], groupBy: ['period', 'section'], grain: 'quarter', filters }))).toEqual({
      measures: 'lines,charges',
      groupBy: 'period,section',
      grain: 'quarter',
      department: 'CARD,RAD',
      payer_category: 'medicare',
    });
  });

  it('asks for totals only when nothing is grouped', () => {
    expect(reportQuery(state({ measures: ['patients'], groupBy: [] }))).toEqual({ measures: 'patients' });
  });

  it('keeps the parameters of a saved query that the builder does not show', () => {
    expect(reportQuery(state({ extra: { code: '99213', orderBy: '-lines' } }))).toEqual({ measures: 'lines', groupBy: 'department', code: '99213', orderBy: '-lines' });
  });
});

describe('the aggregate and export addresses', () => {
  const query = { measures: 'lines,paid', groupBy: 'department', department: 'CARD,R&D' };

  it('resolves a moving range on the day and limits the preview', () => {
    expect(aggregateUrlOf(query, { preset: 'last_month' }, '2026-05-14', 50)).toBe(
      '/api/v1/aggregate?measures=lines,paid&groupBy=department&department=CARD,R%26D&from=2026-04-01&to=2026-04-30&limit=50',
    );
  });

  it('keeps fixed dates, asks for the format and turns suppression off only when asked', () => {
    expect(exportUrlOf(query, { preset: 'fixed', from: '2025-01-01', to: '2025-03-31' }, '2026-05-14', 'xlsx', true)).toBe(
      '/api/v1/export?measures=lines,paid&groupBy=department&department=CARD,R%26D&from=2025-01-01&to=2025-03-31&format=xlsx',
    );
    expect(exportUrlOf(query, { preset: 'previous_year' }, '2026-05-14', 'csv', false)).toBe(
      '/api/v1/export?measures=lines,paid&groupBy=department&department=CARD,R%26D&from=2025-01-01&to=2025-12-31&format=csv&suppress=false',
    );
  });
});

describe('group-bys', () => {
  it('adds in the order chosen, up to three, and removes', () => {
    expect(toggleGroupBy(['department'], 'period')).toEqual(['department', 'period']);
    expect(toggleGroupBy(['department', 'period', 'code'], 'section')).toEqual(['department', 'period', 'code']);
    expect(toggleGroupBy(['department', 'period'], 'department')).toEqual(['period']);
  });

  it('moves one place earlier or later, and not past either end', () => {
    expect(moveGroupBy(['department', 'period', 'code'], 'code', -1)).toEqual(['department', 'code', 'period']);
    expect(moveGroupBy(['department', 'period'], 'department', 1)).toEqual(['period', 'department']);
    expect(moveGroupBy(['department', 'period'], 'department', -1)).toEqual(['department', 'period']);
  });
});

describe('builderProblem', () => {
  it('asks for a measure and for a fixed range in order', () => {
    expect(builderProblem(state({ measures: [] }))).toBe('Choose at least one measure.');
    expect(builderProblem(state({ range: { preset: 'fixed', from: '2026-03-01', to: '2026-02-01' } }))).toBe('The range starts after it ends: swap the dates.');
    expect(builderProblem(state({ range: { preset: 'fixed', from: '', to: '2026-02-01' } }))).toBe('Give both dates of the fixed range.');
    expect(builderProblem(state({}))).toBeNull();
  });
});

describe('builderFromReport', () => {
  it('reads a saved query back into the builder, keeping what it does not show', () => {
    expect(builderFromReport({ measures: 'lines,bogus,paid', groupBy: 'period,department', grain: 'week', section: 'em,radiology', code: '99213' }, { preset: 'last_quarter' })).toEqual({
      measures: ['lines', 'paid'],
      groupBy: ['period', 'department'],
      grain: 'week',
      range: { preset: 'last_quarter' },
      filters: { department: [], section: ['em', 'radiology'], payer_category: [], place_of_service: [] },
      extra: { code: '99213' },
    });
  });
});
