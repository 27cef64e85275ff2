import { buildFeeSchedule, priceLine, isUnpriced, type RvuRow } from '../fee-schedule.js';
import { scaledWorkRvu, scenarioSchedule } from '../fee-schedule-scenario.js';

function rvu(code: string, modifier: string, work: number, peNf: number, peF: number, mp: number): RvuRow {
  return { year: 2025, code, modifier, status: 'A', work, peNonFacility: peNf, peFacility: peF, mp, globalDays: 'XXX', pctcIndicator: '0', nonFacilityNa: false, facilityNa: false };
}

// CMS 2025 RVUs for 99213 and 71046-26, and a locality with round GPCIs so the arithmetic is easy by hand.
const SCHEDULE = buildFeeSchedule({
  rvus: [rvu('99213', '', 1.3, 1.35, 0.57, 0.1), rvu('71046', '26', 0.22, 0.08, 0.08, 0.01)],
  gpcis: [{ year: 2025, carrier: '99999', locality: '01', state: 'ZZ', name: 'Test', work: 1, pe: 1.2, mp: 0.5 }],
  conversionFactors: [{ year: 2025, conversionFactor: 32.3465 }],
});

function fee(schedule: typeof SCHEDULE, code: string, modifiers: string[], pos: string): number {
  const price = priceLine({ code, modifiers, serviceDate: '2025-05-01', placeOfService: pos, units: 1 }, schedule, '99999-01');
  if (isUnpriced(price)) throw new Error(price.detail);
  return price.feeCents;
}

describe('scaledWorkRvu', () => {
  it('rounds the changed work RVU half up to hundredths', () => {
    expect(scaledWorkRvu(1.3, 10)).toBe(1.43);
    expect(scaledWorkRvu(1.3, -10)).toBe(1.17);
    expect(scaledWorkRvu(0.22, 2.5)).toBe(0.23); // 0.2255 → 0.23
    expect(scaledWorkRvu(0.22, 2.2)).toBe(0.22); // 0.22484 → 0.22
    expect(scaledWorkRvu(2, -100)).toBe(0);
  });
});

describe('scenarioSchedule', () => {
  it('with no change prices every line as the schedule does', () => {
    const same = scenarioSchedule(SCHEDULE, {});
    expect(fee(same, '99213', [], '11')).toBe(fee(SCHEDULE, '99213', [], '11'));
    expect(fee(same, '71046', ['26'], '22')).toBe(fee(SCHEDULE, '71046', ['26'], '22'));
  });

  it('prices with the new conversion factor', () => {
    // 99213 non-facility: (1.30·1 + 1.35·1.2 + 0.10·0.5) = 2.97 RVUs.
    // Current: 2.97 × 32.3465 = 96.069105 → $96.07. With 33.4009: 99.200673 → $99.20.
    expect(fee(SCHEDULE, '99213', [], '11')).toBe(9607);
    expect(fee(scenarioSchedule(SCHEDULE, { conversionFactor: 33.4009 }), '99213', [], '11')).toBe(9920);
    // 71046-26 facility: 0.22 + 0.08·1.2 + 0.01·0.5 = 0.321; × 33.5675 = 10.7751675 → $10.78.
    expect(fee(scenarioSchedule(SCHEDULE, { conversionFactor: 33.5675 }), '71046', ['26'], '22')).toBe(1078);
  });

  it('changes only the work RVUs by the percentage', () => {
    // 99213 facility, work +10%: 1.43 + 0.57·1.2 + 0.10·0.5 = 2.164; × 32.3465 = 69.997826 → $70.00.
    expect(fee(scenarioSchedule(SCHEDULE, { workRvuPercent: 10 }), '99213', [], '22')).toBe(7000);
    // Both at once: 2.164 × 33.4009 = 72.2795476 → $72.28.
    expect(fee(scenarioSchedule(SCHEDULE, { workRvuPercent: 10, conversionFactor: 33.4009 }), '99213', [], '22')).toBe(7228);
  });

  it('refuses changes outside the accepted range', () => {
    expect(() => scenarioSchedule(SCHEDULE, { conversionFactor: 0 })).toThrow(/conversion factor/);
    expect(() => scenarioSchedule(SCHEDULE, { workRvuPercent: -150 })).toThrow(/work RVU/);
  });
});
