import { openHours, workingDays, WEEKDAYS_8H, type WeeklySchedule } from '../capacity-calendar.js';
import { capacityNeeds, demandFromForecast, planCapacity, type CapacityScenario } from '../capacity-needs.js';
import {
  availableHours,
  availableHoursByPeriod,
  hoursPerUnit,
  resourceUsage,
  resourceUtilization,
  rowMinutes,
  utilization,
  type CapacityResource,
  type ResourceProfiles,
  type UsageRow,
} from '../capacity.js';

// Scanners open 8 hours Monday to Friday and 4 on Saturday.
const EIGHT_AND_SATURDAY: WeeklySchedule = [8, 8, 8, 8, 8, 4, 0];
const TEN_WEEKDAYS: WeeklySchedule = [10, 10, 10, 10, 10, 0, 0];

const mri = (count: number): CapacityResource => ({
  id: 'mri',
  kind: 'equipment',
  resourceType: 'mri_scanner',
  count,
  schedule: EIGHT_AND_SATURDAY,
});

const technologists: CapacityResource = {
  id: 'ct-techs',
  kind: 'staff',
  resourceType: 'technologist',
  count: 2.5,
  schedule: WEEKDAYS_8H,
};

// Week 2025-W27: Monday 2025-06-30 to Sunday 2025-07-06; Friday 4 July is a holiday.
const W27 = { from: '2025-06-30', to: '2025-07-06' };
const JULY_4 = ['2025-07-04'];

describe('available hours', () => {
  it('takes a holiday out of a week', () => {
    // Mon–Thu 4 × 8 = 32, Fri holiday 0, Sat 4, Sun 0 → 36 hours a unit; 2 units → 72.
    expect(openHours(EIGHT_AND_SATURDAY, W27, JULY_4)).toBe(36);
    expect(availableHours(mri(2), W27, { holidays: JULY_4 })).toBe(72);
    // Without the holiday: 5 × 8 + 4 = 44 a unit.
    expect(availableHours(mri(2), W27)).toBe(88);
  });

  it('cuts the first and last month of a range that starts and ends mid-week', () => {
    // 2025-01-29 is a Wednesday, 2025-02-12 too.
    // January part: Wed 29, Thu 30, Fri 31 → 3 × 8 = 24.
    // February part: Sat 1 (4), Sun 2 (0), Mon 3–Fri 7 (40), Sat 8 (4), Sun 9 (0),
    // Mon 10–Wed 12 (24) → 72.
    const range = { from: '2025-01-29', to: '2025-02-12' };
    expect(availableHoursByPeriod(mri(1), range, 'month')).toEqual([
      { label: '2025-01', from: '2025-01-29', to: '2025-01-31', hours: 24 },
      { label: '2025-02', from: '2025-02-01', to: '2025-02-12', hours: 72 },
    ]);
    // The same range by ISO week: W05 cut to Wed–Sun = 24 + 4 + 0 = 28, W06 whole = 44,
    // W07 cut to Mon–Wed = 24; 28 + 44 + 24 = 96 = 24 + 72.
    expect(availableHoursByPeriod(mri(1), range, 'week').map((p) => [p.label, p.hours])).toEqual([
      ['2025-W05', 28],
      ['2025-W06', 44],
      ['2025-W07', 24],
    ]);
  });

  it('gives staff their productive hours pro rata over working days', () => {
    // March 2025 has 21 weekdays (3–7, 10–14, 17–21, 24–28, 31) and no holiday here.
    // 1 FTE: 1,768 × 21 / 260 = 142.8 hours; 2.5 FTEs → 357.
    const march = { from: '2025-03-01', to: '2025-03-31' };
    expect(workingDays(WEEKDAYS_8H, march)).toBe(21);
    expect(hoursPerUnit(technologists, march)).toBeCloseTo(142.8, 9);
    expect(availableHours(technologists, march)).toBeCloseTo(357, 9);
    // The week with 4 July: 4 working days → 1,768 × 4 / 260 = 27.2 per FTE, 68 for 2.5.
    expect(availableHours(technologists, W27, { holidays: JULY_4 })).toBeCloseTo(68, 9);
    // 1,800 productive hours a year instead: 1,800 × 21 / 260 = 145.3846… per FTE.
    expect(hoursPerUnit(technologists, march, { fte: { productiveHoursPerYear: 1800 } })).toBeCloseTo((1800 * 21) / 260, 9);
  });

  it('has nothing available on a closed day, and no utilization then', () => {
    const sunday = { from: '2025-07-06', to: '2025-07-06' };
    expect(availableHours(mri(3), sunday)).toBe(0);
    expect(utilization(120, 0)).toBeNull();
  });

  it('refuses a schedule that is not seven days of 0 to 24 hours, and a negative count', () => {
    expect(() => openHours([8, 8, 8, 8, 25, 0, 0], W27)).toThrow(/7 daily hours from 0 to 24/);
    expect(() => openHours([8, 8, 8] as unknown as WeeklySchedule, W27)).toThrow(/7 daily hours/);
    expect(() => availableHours(mri(-1), W27)).toThrow(/0 or more/);
  });
});

describe('used minutes and a shared scanner', () => {
  const profiles: ResourceProfiles = {
    '74177': { ct_scanner: 30, technologist: 40 },
    '70450': { ct_scanner: 15, technologist: 20 },
    '93000': { ecg_cart: 10 },
  };
  // One CT scanner shared by radiology and the emergency department, open 10 hours on
  // weekdays: the week of 2025-03-03 gives 50 hours = 3,000 minutes.
  const ct: CapacityResource = {
    id: 'ct-1',
    kind: 'equipment',
    resourceType: 'ct_scanner',
    count: 1,
    schedule: TEN_WEEKDAYS,
    departments: ['RAD', 'ED'],
  };
  const week = { from: '2025-03-03', to: '2025-03-09' };
  const rows: UsageRow[] = [
    { department: 'RAD', code: '74177', units: 40 }, // 40 × 30 = 1,200
    { department: 'RAD', code: '74177', units: 5, minutes: 200 }, // actual minutes: 200
    { department: 'ED', code: '70450', units: 50, minutes: null }, // 50 × 15 = 750
    { department: 'ED', code: '93000', units: 12 }, // no scanner in its profile: 0
    { department: 'ED', code: 'J1100', units: 3 }, // no profile at all: counted apart
    { department: 'CARD', code: '74177', units: 10 }, // does not share this scanner
  ];

  it('takes actual minutes where recorded, else units × profile minutes', () => {
    expect(rowMinutes(rows[0]!, profiles, 'ct_scanner')).toBe(1200);
    expect(rowMinutes(rows[1]!, profiles, 'ct_scanner')).toBe(200);
    expect(rowMinutes(rows[0]!, profiles, 'technologist')).toBe(1600);
    expect(rowMinutes(rows[3]!, profiles, 'ct_scanner')).toBe(0);
  });

  it('pools the scanner and sums the minutes of both departments against it', () => {
    // RAD 1,200 + 200 = 1,400; ED 750; together 2,150 of 3,000 minutes = 0.71666…
    const result = resourceUtilization(ct, rows, profiles, week);
    expect(result.byDepartment).toEqual({ RAD: 1400, ED: 750 });
    expect(result.minutes).toBe(2150);
    expect(result.unprofiledRows).toBe(1);
    expect(result.availableHours).toBe(50);
    expect(result.utilization).toBeCloseTo(2150 / 3000, 12);
  });

  it('counts every department when the resource names none', () => {
    const everyone = { ...ct, departments: undefined };
    // CARD's 10 × 30 = 300 joins: 2,450.
    expect(resourceUsage(everyone, rows, profiles).minutes).toBe(2450);
  });
});

describe('needs at a target utilization', () => {
  // Two scanners open 10 hours on weekdays: 50 hours each in the week of 2025-03-03,
  // 100 hours in all. Forecast demand: 5,400 minutes (90 h), 80% interval 4,320–6,480
  // minutes (72–108 h).
  const scanners: CapacityResource = { id: 'ct', kind: 'equipment', resourceType: 'ct_scanner', count: 2, schedule: TEN_WEEKDAYS };
  const scenario: CapacityScenario = {
    resource: scanners,
    range: { from: '2025-03-03', to: '2025-03-09' },
    demandMinutes: { expected: 5400, low: 4320, high: 6480 },
  };

  it('works out utilization, required hours, units needed and the gap at 80%', () => {
    // utilization 90/100, 72/100, 108/100; required hours = demand ÷ 0.8 = 112.5, 90, 135;
    // units = demand ÷ (50 × 0.8) = 2.25, 1.8, 2.7; whole 3, 2, 3; gap vs 2 = 0.25, −0.2, 0.7.
    const plan = planCapacity(scenario);
    expect(plan.targetUtilization).toBe(0.8);
    expect(plan.hoursPerUnit).toBe(50);
    expect(plan.availableHours).toBe(100);
    expect(plan.demandHours).toEqual({ expected: 90, low: 72, high: 108 });
    expectBand(plan.utilization, [0.9, 0.72, 1.08]);
    expectBand(plan.requiredHours, [112.5, 90, 135]);
    expectBand(plan.unitsNeeded, [2.25, 1.8, 2.7]);
    expect(plan.wholeUnitsNeeded).toEqual({ expected: 3, low: 2, high: 3 });
    expectBand(plan.gap, [0.25, -0.2, 0.7]);
    expect(plan.notes).toEqual([]);
  });

  it('grows the volume by 10%', () => {
    // Demand 99, 79.2, 118.8 h; units = ÷ 40 → 2.475, 1.98, 2.97; gap 0.475, −0.02, 0.97.
    const plan = planCapacity(scenario, { volumeGrowthPercent: 10 });
    expectBand(plan.demandHours, [99, 79.2, 118.8]);
    expectBand(plan.utilization, [0.99, 0.792, 1.188]);
    expectBand(plan.unitsNeeded, [2.475, 1.98, 2.97]);
    expectBand(plan.gap, [0.475, -0.02, 0.97]);
    expect(plan.whatIf).toEqual({ volumeGrowthPercent: 10, extraUnits: 0, extraOpeningHoursPerDay: 0 });
  });

  it('adds one more unit', () => {
    // 3 × 50 = 150 hours: utilization 0.6, 0.48, 0.72; units needed unchanged;
    // gap vs 3 = −0.75, −1.2, −0.3.
    const plan = planCapacity(scenario, { extraUnits: 1 });
    expect(plan.count).toBe(3);
    expect(plan.availableHours).toBe(150);
    expectBand(plan.utilization, [0.6, 0.48, 0.72]);
    expectBand(plan.unitsNeeded, [2.25, 1.8, 2.7]);
    expectBand(plan.gap, [-0.75, -1.2, -0.3]);
  });

  it('opens 2 hours longer a day', () => {
    // 12 hours × 5 days = 60 a unit, 120 in all: utilization 0.75, 0.6, 0.9;
    // units = demand ÷ (60 × 0.8 = 48) → 1.875, 1.5, 2.25; whole 2, 2, 3; gap −0.125, −0.5, 0.25.
    const plan = planCapacity(scenario, { extraOpeningHoursPerDay: 2 });
    expect(plan.hoursPerUnit).toBe(60);
    expect(plan.availableHours).toBe(120);
    expectBand(plan.utilization, [0.75, 0.6, 0.9]);
    expectBand(plan.unitsNeeded, [1.875, 1.5, 2.25]);
    expect(plan.wholeUnitsNeeded).toEqual({ expected: 2, low: 2, high: 3 });
    expectBand(plan.gap, [-0.125, -0.5, 0.25]);
  });

  it('counts FTEs needed for staff, where longer opening changes nothing', () => {
    // 2.5 FTEs in March 2025 give 357 hours (142.8 each). Demand 300 h = 18,000 minutes:
    // utilization 300/357 = 0.840336…; FTEs = 300 ÷ (142.8 × 0.8 = 114.24) = 2.626050…;
    // gap 0.126050…
    const plan = planCapacity(
      { resource: technologists, range: { from: '2025-03-01', to: '2025-03-31' }, demandMinutes: 18000 },
      { extraOpeningHoursPerDay: 2 },
    );
    expect(plan.availableHours).toBeCloseTo(357, 9);
    expect(plan.utilization.expected).toBeCloseTo(300 / 357, 12);
    expect(plan.unitsNeeded.expected).toBeCloseTo(300 / 114.24, 12);
    expect(plan.gap.expected).toBeCloseTo(300 / 114.24 - 2.5, 12);
    expect(plan.wholeUnitsNeeded.expected).toBe(3);
    expect(plan.notes).toEqual(['Longer opening hours do not change staff time, which FTEs set']);
  });

  it('has no utilization or units needed when a unit gives no hours', () => {
    const needs = capacityNeeds({ demandMinutes: 600, count: 1, hoursPerUnit: 0 });
    expect(needs.utilization).toEqual({ expected: null, low: null, high: null });
    expect(needs.unitsNeeded).toEqual({ expected: null, low: null, high: null });
    expect(needs.gap).toEqual({ expected: null, low: null, high: null });
    expect(needs.requiredHours).toEqual({ expected: 12.5, low: 12.5, high: 12.5 });
  });

  it('does not ask for another unit over floating-point noise', () => {
    // 96 h ÷ (60 × 0.8) is 2 units; 0.8 has no exact binary form, and that must not make it 3.
    const needs = capacityNeeds({ demandMinutes: 5760, count: 2, hoursPerUnit: 60, targetUtilization: 0.8 });
    expect(needs.wholeUnitsNeeded.expected).toBe(2);
  });

  it('refuses a target outside (0, 1], growth of −100% or less, and removing more units than there are', () => {
    expect(() => capacityNeeds({ demandMinutes: 1, count: 1, hoursPerUnit: 1, targetUtilization: 0 })).toThrow(/target utilization/);
    expect(() => capacityNeeds({ demandMinutes: 1, count: 1, hoursPerUnit: 1, targetUtilization: 1.2 })).toThrow(/target utilization/);
    expect(() => planCapacity(scenario, { volumeGrowthPercent: -100 })).toThrow(/above −100%/);
    expect(() => planCapacity(scenario, { extraUnits: -3 })).toThrow(/fewer than 0 units/);
  });

  it('adds the forecast of several periods into one demand band', () => {
    // Three months of procedures at 30 minutes each:
    // expected (100 + 110 + 90) × 30 = 9,000; low (80 + 85 + 70) × 30 = 7,050; high (120 + 135 + 110) × 30 = 10,950.
    const points = [
      { value: 100, low: 80, high: 120 },
      { value: 110, low: 85, high: 135 },
      { value: 90, low: 70, high: 110 },
    ];
    expect(demandFromForecast(points, 30)).toEqual({ expected: 9000, low: 7050, high: 10950 });
  });
});

function expectBand(
  band: { expected: number | null; low: number | null; high: number | null },
  [expected, low, high]: [number, number, number],
): void {
  expect(band.expected).toBeCloseTo(expected, 9);
  expect(band.low).toBeCloseTo(low, 9);
  expect(band.high).toBeCloseTo(high, 9);
}
