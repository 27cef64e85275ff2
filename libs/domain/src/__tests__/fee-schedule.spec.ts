import {
  applicableYear,
  buildFeeSchedule,
  feeInCents,
  isFacilityPlaceOfService,
  isUnpriced,
  priceLine,
  type FeeSchedule,
  type GpciRow,
  type LinePrice,
  type PricedLine,
  type RvuRow,
} from '../fee-schedule.js';

// CMS's 2025 numbers for a handful of codes (no descriptors), and two localities.
function rvu(year: number, code: string, modifier: string, status: string, work: number, peNf: number, peF: number, mp: number, pctc = '0'): RvuRow {
  return { year, code, modifier, status, work, peNonFacility: peNf, peFacility: peF, mp, globalDays: 'XXX', pctcIndicator: pctc, nonFacilityNa: false, facilityNa: false };
}

const ROWS_2025: RvuRow[] = [
  rvu(2025, '99213', '', 'A', 1.3, 1.35, 0.57, 0.1),
  rvu(2025, '71046', '', 'A', 0.22, 0.76, 0.76, 0.02, '1'),
  rvu(2025, '71046', '26', 'A', 0.22, 0.08, 0.08, 0.01, '1'),
  rvu(2025, '71046', 'TC', 'A', 0, 0.68, 0.68, 0.01, '1'),
  rvu(2025, '45378', '', 'A', 3.26, 6.68, 1.77, 0.43),
  rvu(2025, '45378', '53', 'A', 1.63, 3.34, 0.89, 0.22),
  rvu(2025, '0001F', '', 'I', 0, 0, 0, 0, '9'),
  rvu(2025, 'G0000', '', 'A', 0, 0, 0, 0),
];

const GPCI_2025: GpciRow[] = [
  { year: 2025, carrier: '01112', locality: '05', state: 'CA', name: 'SAN FRANCISCO', work: 1.107, pe: 1.5, mp: 0.55 },
  { year: 2025, carrier: '10112', locality: '00', state: 'AL', name: 'ALABAMA', work: 1, pe: 0.869, mp: 0.575 },
];

const SCHEDULE = buildFeeSchedule({ rvus: ROWS_2025, gpcis: GPCI_2025, conversionFactors: [{ year: 2025, conversionFactor: 32.3465 }] });

function priced(price: LinePrice): PricedLine {
  if (isUnpriced(price)) throw new Error(`expected a price, got ${price.unpriced}: ${price.detail}`);
  return price;
}

const line = (code: string, more: Partial<{ modifiers: string[]; serviceDate: string; placeOfService: string; units: number }> = {}) => ({
  code,
  modifiers: [],
  serviceDate: '2025-03-07',
  placeOfService: '11',
  units: 1,
  ...more,
});

describe('isFacilityPlaceOfService', () => {
  it.each(['19', '21', '22', '23', '24', '26', '31', '34', '41', '42', '51', '52', '53', '56', '61'])('counts POS %s as a facility', (pos) => {
    expect(isFacilityPlaceOfService(pos)).toBe(true);
  });

  it.each(['11', '02', '10', '12', '20', '32', '49', '65', '81', '99'])('counts POS %s as non-facility', (pos) => {
    expect(isFacilityPlaceOfService(pos)).toBe(false);
  });

  it('reads a place of service stored as a number', () => {
    expect(isFacilityPlaceOfService(22)).toBe(true);
    expect(isFacilityPlaceOfService(2)).toBe(false);
  });
});

describe('feeInCents', () => {
  it('prices 99213 at the national 2025 amounts CMS publishes ($88.95 office, $63.72 facility)', () => {
    const row = ROWS_2025[0]!;
    // (1.30 + 1.35 + 0.10) × 32.3465 = 88.952875; (1.30 + 0.57 + 0.10) × 32.3465 = 63.722605.
    expect(feeInCents(row, false, { work: 1, pe: 1, mp: 1 }, 32.3465)).toBe(8895);
    expect(feeInCents(row, true, { work: 1, pe: 1, mp: 1 }, 32.3465)).toBe(6372);
  });

  it('rounds half a cent up, and less than half down', () => {
    // 1 RVU × 0.0050 lands exactly on half a cent.
    const row = rvu(2025, '99999', '', 'A', 1, 0, 0, 0);
    expect(feeInCents(row, false, { work: 1, pe: 1, mp: 1 }, 0.005)).toBe(1);
    expect(feeInCents(row, false, { work: 1, pe: 1, mp: 1 }, 0.0049)).toBe(0);
    // 0.07 × 1.015 × 32.3465 = 2.2982…
    expect(feeInCents(rvu(2025, '99999', '', 'A', 0.07, 0, 0, 0), false, { work: 1.015, pe: 1, mp: 1 }, 32.3465)).toBe(230);
  });
});

describe('applicableYear', () => {
  it('takes the service year when it is loaded', () => {
    expect(applicableYear(2025, [2024, 2025, 2026])).toBe(2025);
  });

  it('falls back to the latest earlier year', () => {
    expect(applicableYear(2027, [2023, 2025, 2024])).toBe(2025);
  });

  it('falls back to the earliest year when every loaded year is later', () => {
    expect(applicableYear(2019, [2026, 2025])).toBe(2025);
  });

  it('has no year when nothing is loaded', () => {
    expect(applicableYear(2025, [])).toBeNull();
  });
});

describe('priceLine', () => {
  it('prices work RVUs and the expected payment for the units billed', () => {
    const price = priced(priceLine(line('99213', { units: 3 }), SCHEDULE, null));
    expect(price).toEqual({ wrvu: 3.9, wrvuHundredths: 390, expectedCents: 3 * 8895, feeCents: 8895, year: 2025, modifier: '', facility: false });
  });

  it('switches to the facility practice expense by place of service', () => {
    expect(priced(priceLine(line('99213', { placeOfService: '22' }), SCHEDULE, null))).toMatchObject({ feeCents: 6372, facility: true });
    expect(priced(priceLine(line('99213', { placeOfService: '11' }), SCHEDULE, null))).toMatchObject({ feeCents: 8895, facility: false });
  });

  it('chooses the row of modifier 26 or TC over the global row', () => {
    const global = priced(priceLine(line('71046'), SCHEDULE, null));
    const professional = priced(priceLine(line('71046', { modifiers: ['26'] }), SCHEDULE, null));
    const technical = priced(priceLine(line('71046', { modifiers: ['TC'] }), SCHEDULE, null));
    // (0.22 + 0.76 + 0.02) × CF, (0.22 + 0.08 + 0.01) × CF, (0 + 0.68 + 0.01) × CF.
    expect([global.feeCents, professional.feeCents, technical.feeCents]).toEqual([3235, 1003, 2232]);
    expect([global.modifier, professional.modifier, technical.modifier]).toEqual(['', '26', 'TC']);
    expect([global.wrvu, professional.wrvu, technical.wrvu]).toEqual([0.22, 0.22, 0]);
  });

  it('chooses the row of modifier 53 and ignores modifiers without a row of their own', () => {
    expect(priced(priceLine(line('45378', { modifiers: ['PT', '53'] }), SCHEDULE, null))).toMatchObject({ modifier: '53', wrvu: 1.63 });
    expect(priced(priceLine(line('99213', { modifiers: ['25', '26'] }), SCHEDULE, null))).toMatchObject({ modifier: '', wrvu: 1.3 });
  });

  it('applies the GPCIs of the locality', () => {
    // (1.30 × 1.107 + 1.35 × 1.5 + 0.10 × 0.55) × 32.3465 = 113.83…
    const price = priced(priceLine(line('99213'), SCHEDULE, '01112-05'));
    expect(price.feeCents).toBe(11383);
    expect(price.wrvu).toBe(1.3);
  });

  it('leaves a code missing from the schedule unpriced, saying so', () => {
    const price = priceLine(line('99999'), SCHEDULE, null);
    expect(price).toEqual({ unpriced: 'code-not-in-schedule', detail: 'Code 99999 has no row in the 2025 fee schedule.', year: 2025 });
  });

  it('leaves a code with a status the schedule does not pay unpriced', () => {
    const price = priceLine(line('0001F'), SCHEDULE, null);
    expect(price).toMatchObject({ unpriced: 'status-not-payable', year: 2025 });
    expect(isUnpriced(price) && price.detail).toMatch(/0001F has status I/);
  });

  it('prices a payable row with zero RVUs at zero', () => {
    expect(priced(priceLine(line('G0000', { units: 4 }), SCHEDULE, null))).toMatchObject({ wrvu: 0, expectedCents: 0 });
  });

  it('leaves a line unpriced when the locality has no GPCIs', () => {
    expect(priceLine(line('99213'), SCHEDULE, '99999-99')).toMatchObject({ unpriced: 'locality-not-in-schedule' });
  });

  it('leaves every line unpriced when no schedule is loaded', () => {
    const empty: FeeSchedule = buildFeeSchedule({ rvus: [], gpcis: [], conversionFactors: [] });
    expect(priceLine(line('99213'), empty, null)).toMatchObject({ unpriced: 'no-schedule', year: null });
  });

  describe('with 2024 and 2025 loaded', () => {
    const rows2024 = [rvu(2024, '99213', '', 'A', 1.3, 1.34, 0.55, 0.1)];
    const twoYears = buildFeeSchedule({
      rvus: [...ROWS_2025, ...rows2024],
      gpcis: GPCI_2025,
      conversionFactors: [
        { year: 2024, conversionFactor: 33.2875 },
        { year: 2025, conversionFactor: 32.3465 },
      ],
    });

    it('prices a line in the schedule of its service year', () => {
      // (1.30 + 1.34 + 0.10) × 33.2875 = 91.20775.
      expect(priced(priceLine(line('99213', { serviceDate: '2024-12-31' }), twoYears, null))).toMatchObject({ year: 2024, feeCents: 9121 });
      expect(priced(priceLine(line('99213', { serviceDate: '2025-01-01' }), twoYears, null))).toMatchObject({ year: 2025, feeCents: 8895 });
    });

    it('prices a later year in the latest earlier schedule', () => {
      expect(priced(priceLine(line('99213', { serviceDate: '2026-06-01' }), twoYears, null))).toMatchObject({ year: 2025, feeCents: 8895 });
    });

    it('prices an earlier year in the earliest schedule', () => {
      expect(priced(priceLine(line('99213', { serviceDate: '2019-06-01' }), twoYears, null))).toMatchObject({ year: 2024, feeCents: 9121 });
    });

    it('does not fall back to another year for a code missing from the year it uses', () => {
      expect(priceLine(line('71046', { serviceDate: '2024-05-01' }), twoYears, null)).toMatchObject({ unpriced: 'code-not-in-schedule', year: 2024 });
    });

    it('uses the GPCIs of the nearest year that has them when the pricing year has none', () => {
      // 2024 has no GPCI rows: the 2025 ones apply (the earliest year with GPCIs).
      // (1.30 × 1.107 + 1.34 × 1.5 + 0.10 × 0.55) × 33.2875 = 116.6427…
      expect(priced(priceLine(line('99213', { serviceDate: '2024-05-01' }), twoYears, '01112-05'))).toMatchObject({ year: 2024, feeCents: 11664 });
    });
  });

  it('does not use a year whose conversion factor is missing', () => {
    const noCf = buildFeeSchedule({ rvus: [...ROWS_2025, rvu(2026, '99213', '', 'A', 9, 9, 9, 9)], gpcis: [], conversionFactors: [{ year: 2025, conversionFactor: 32.3465 }] });
    expect(priced(priceLine(line('99213', { serviceDate: '2026-02-01' }), noCf, null))).toMatchObject({ year: 2025, feeCents: 8895 });
  });
});
