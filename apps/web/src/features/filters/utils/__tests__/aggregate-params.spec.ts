import { aggregateUrl } from '../../../../api/aggregate';
import { aggregateParams } from '../aggregate-params';
import { DEFAULT_DASHBOARD_FILTERS } from '../dashboard-filters';

describe('aggregateParams', () => {
  it('gives the grain and the concrete dates of the default view', () => {
    expect(aggregateParams(DEFAULT_DASHBOARD_FILTERS, '2026-11-27')).toEqual({ grain: 'month', from: '2025-11-01', to: '2026-10-31' });
  });

  it('adds each list filter that is set, under the API’s names', () => {
    const params = aggregateParams(
      {
        range: { preset: 'year_to_date' },
        grain: 'quarter',
        departments: ['CARD'],
        sections: ['radiology'],
        payerCategories: ['medicare', 'medicaid'],
        placesOfService: [],
      },
      '2026-11-27',
    );
    expect(params).toEqual({
      grain: 'quarter',
      from: '2026-01-01',
      to: '2026-11-27',
      department: ['CARD'],
      section: ['radiology'],
      payer_category: ['medicare', 'medicaid'],
    });
    expect(aggregateUrl({ measures: ['lines'], groupBy: ['period'], ...params })).toBe(
      '/api/v1/aggregate?measures=lines&groupBy=period&grain=quarter&from=2026-01-01&to=2026-11-27&department=CARD&section=radiology&payer_category=medicare,medicaid',
    );
  });
});
