import * as domain from '../index.js';

describe('the package entry point', () => {
  it('exports the agreed API', () => {
    const functions = [
      'isIsoDate', 'parseServiceDate', 'addDays', 'addMonths', 'addYears', 'daysBetween', 'isoWeekday', 'minDate', 'maxDate',
      'todayIn', 'isValidTimeZone', 'periodStart', 'periodEnd', 'nextPeriodStart', 'previousPeriodStart', 'periodLabel',
      'parsePeriodLabel', 'enumeratePeriods', 'labelOneYearEarlier', 'isoWeeksInYear', 'isGrain', 'normalizeCode',
      'isValidCode', 'sectionOf', 'isSectionId', 'parseMoney', 'centsToDollars', 'formatCompactNumber', 'formatCompactMoney',
      'formatMoney', 'formatPercent', 'formatInteger', 'isValidNpi', 'resolveHeader', 'validateLine', 'isMeasureId',
      'isDimensionId', 'formatMeasure',
    ];
    for (const name of functions) expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    for (const name of ['GRAINS', 'SECTIONS', 'SECTION_LABELS', 'LINE_COLUMNS', 'REQUIRED_COLUMNS', 'COLUMN_ALIASES', 'PAYER_CATEGORIES', 'CLAIM_STATUSES', 'MEASURES', 'DIMENSIONS', 'MEASURE_DEFINITIONS']) {
      expect((domain as Record<string, unknown>)[name]).toBeDefined();
    }
  });
});
