import { sample } from './sample.js';

const share = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length / items.length;
const sum = (items: readonly Record<string, string>[], column: string): number =>
  items.reduce((s, l) => s + Number(l[column]), 0);

describe('payers, denials and amounts', () => {
  const lines = sample({ lines: 80_000, seed: 17, endDate: '2025-12-31' });
  const adjudicated = lines.filter((l) => l.claim_status !== 'pending');

  it('denies 7–10 % of adjudicated lines', () => {
    const rate = share(adjudicated, (l) => l.claim_status === 'denied');
    expect(rate).toBeGreaterThanOrEqual(0.07);
    expect(rate).toBeLessThanOrEqual(0.1);
  });

  it('skews denial reasons towards the common ones', () => {
    const denied = lines.filter((l) => l.claim_status === 'denied');
    const counts = new Map<string, number>();
    for (const l of denied) counts.set(l.denial_reason, (counts.get(l.denial_reason) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(10);
    const top3 = [...counts.values()].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
    expect(top3 / denied.length).toBeGreaterThan(0.35);
  });

  it('leaves 2–4 % pending, mostly in the last 60 days', () => {
    const pending = lines.filter((l) => l.claim_status === 'pending');
    expect(pending.length / lines.length).toBeGreaterThanOrEqual(0.02);
    expect(pending.length / lines.length).toBeLessThanOrEqual(0.04);
    expect(share(pending, (l) => l.service_date >= '2025-11-01')).toBeGreaterThan(0.6);
  });

  it('matches the payer mix', () => {
    const mix = (category: string): number => share(lines, (l) => l.payer_category === category);
    expect(mix('medicare')).toBeCloseTo(0.4, 1);
    expect(mix('commercial')).toBeCloseTo(0.33, 1);
    expect(mix('medicaid')).toBeCloseTo(0.16, 1);
    expect(mix('self_pay')).toBeGreaterThan(0.03);
    expect(mix('self_pay')).toBeLessThan(0.09);
    expect(mix('other')).toBeGreaterThan(0.03);
    expect(mix('other')).toBeLessThan(0.08);
    expect(new Set(lines.map((l) => l.payer))).toEqual(
      new Set(['Medicare Part B', 'Humana Medicare Advantage', 'Medicaid', 'Molina Medicaid', 'BlueCross',
        'UnitedHealthcare', 'Aetna', 'Cigna', 'Self pay', 'Tricare', 'Workers Comp', 'VA Community Care']),
    );
  });

  it('pays commercial above Medicare above Medicaid, and self-pay least, per charge dollar', () => {
    const paidPerCharge = (category: string): number => {
      const ls = lines.filter((l) => l.payer_category === category);
      return sum(ls, 'paid_amount') / sum(ls, 'charge_amount');
    };
    expect(paidPerCharge('commercial')).toBeGreaterThan(paidPerCharge('medicare'));
    expect(paidPerCharge('medicare')).toBeGreaterThan(paidPerCharge('medicaid'));
    expect(paidPerCharge('self_pay')).toBeLessThan(paidPerCharge('medicaid'));
  });

  it('uses mostly one unit, and modifiers now and then', () => {
    expect(share(lines, (l) => l.units === '1')).toBeGreaterThan(0.85);
    const modified = share(lines, (l) => l.modifiers !== '');
    expect(modified).toBeGreaterThan(0.05);
    expect(modified).toBeLessThan(0.3);
  });

  it('records minutes on some lines only', () => {
    const timed = share(lines, (l) => l.minutes !== '');
    expect(timed).toBeGreaterThan(0.05);
    expect(timed).toBeLessThan(0.4);
  });
});
