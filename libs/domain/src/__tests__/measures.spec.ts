import {
  DIMENSIONS,
  formatMeasure,
  isDimensionId,
  isMeasureId,
  MEASURE_DEFINITIONS,
  MEASURES,
} from '../measures.js';

describe('measures', () => {
  it('defines every measure once, under its own id', () => {
    expect(Object.keys(MEASURE_DEFINITIONS).sort()).toEqual([...MEASURES].sort());
    for (const id of MEASURES) expect(MEASURE_DEFINITIONS[id].id).toBe(id);
  });

  it('marks only the measures that count people for suppression', () => {
    expect(MEASURES.filter((id) => MEASURE_DEFINITIONS[id].countsPeople)).toEqual(['encounters', 'patients']);
  });

  it('gives each measure its unit', () => {
    const units = Object.fromEntries(MEASURES.map((id) => [id, MEASURE_DEFINITIONS[id].unit]));
    expect(units).toEqual({
      lines: 'count',
      units: 'count',
      encounters: 'count',
      patients: 'count',
      charges: 'money',
      allowed: 'money',
      paid: 'money',
      denial_rate: 'rate',
      wrvu: 'rvu',
      expected_payment: 'money',
      minutes: 'minutes',
    });
  });

  it('recognises measure and dimension ids', () => {
    expect(MEASURES.every(isMeasureId)).toBe(true);
    expect(DIMENSIONS.every(isDimensionId)).toBe(true);
    expect(isMeasureId('utilization')).toBe(false);
    expect(isMeasureId('Lines')).toBe(false);
    expect(isDimensionId('payer')).toBe(false);
  });

  it.each<[Parameters<typeof formatMeasure>[0], number | null, string]>([
    ['lines', 1234, '1.2k'],
    ['patients', 950, '950'],
    ['charges', 15230.5, '$15.2k'],
    ['expected_payment', 3_400_000, '$3.4M'],
    ['denial_rate', 0.041, '4.1%'],
    ['denial_rate', null, '—'],
    ['wrvu', 12.34, '12.3'],
    ['minutes', 90, '90 min'],
    ['minutes', 12_500, '12.5k min'],
    ['minutes', null, '—'],
  ])('formats %s %p as %s', (id, value, text) => {
    expect(formatMeasure(id, value)).toBe(text);
  });
});
