import { demoCapacityModel } from '../demo-capacity.js';
import { usFederalHolidays } from '../demo-holidays.js';

describe('demo capacity model', () => {
  const model = demoCapacityModel({ lines: 300_000, endDate: '2025-11-26' });
  const profile = (code: string) => Object.fromEntries(model.profiles.filter((p) => p.code === code).map((p) => [p.resourceType, p.minutes]));

  it('gives imaging exams their usual scanner minutes', () => {
    expect(profile('70551')).toEqual({ mri_scanner: 45, technologist: 45, physician: 10 });
    expect(profile('74177')).toEqual({ ct_scanner: 20, technologist: 20, physician: 8 });
    expect(profile('76700')).toEqual({ ultrasound_unit: 30, technologist: 30, physician: 5 });
  });

  it('gives visits physician and nurse minutes, and quality codes none', () => {
    expect(profile('99213')).toEqual({ physician: 15, rn: 10 });
    expect(profile('99285')).toEqual({ physician: 45, rn: 30 });
    expect(profile('3074F')).toEqual({});
  });

  it('names only its own resource types, in profiles and inventories', () => {
    const keys = new Set(model.resourceTypes.map((t) => t.key));
    expect(model.profiles.every((p) => keys.has(p.resourceType) && p.minutes > 0)).toBe(true);
    expect(model.inventories.every((i) => keys.has(i.resourceType) && i.count > 0 && i.schedule.some((h) => h > 0))).toBe(true);
  });

  it('opens imaging equipment 50 hours a week, as CMS counts a scanner fully used', () => {
    const ct = model.inventories.find((i) => i.department === 'RAD' && i.resourceType === 'ct_scanner')!;
    expect(ct.schedule.reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('scales inventories with the demo volume, never below one unit or a tenth of an FTE', () => {
    const doubled = demoCapacityModel({ lines: 600_000, endDate: '2025-11-26' });
    const tech = (m: typeof model) => m.inventories.find((i) => i.department === 'RAD' && i.resourceType === 'technologist')!.count;
    expect(tech(doubled)).toBeCloseTo(tech(model) * 2, 9);
    const tiny = demoCapacityModel({ lines: 1_000, endDate: '2025-11-26' });
    expect(Math.min(...tiny.inventories.map((i) => i.count))).toBe(0.1);
    expect(tiny.inventories.filter((i) => i.resourceType === 'ct_scanner').every((i) => i.count === 1)).toBe(true);
  });

  it('observes US federal holidays on weekdays', () => {
    expect(usFederalHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04',
      '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25',
    ]);
    // 2022: New Year's Day is a Saturday (kept on Friday 31 December 2021), Christmas a Sunday (Monday the 26th).
    const y2022 = usFederalHolidays(2022).map((h) => h.date);
    expect(y2022).toContain('2021-12-31');
    expect(y2022).toContain('2022-12-26');
    expect(model.holidays.map((h) => h.date)).toContain('2027-11-25');
    expect(model.holidays).toHaveLength(66);
  });
});
