import { CODE_MIX } from '../code-mix.generated.js';
import { DEMO_DEPARTMENTS } from '../index.js';
import { npiCheckDigit } from '../npi.js';
import { sample } from './sample.js';

describe('demo departments and code mix', () => {
  it('has about forty departments with unique codes, each backed by a code mix', () => {
    expect(DEMO_DEPARTMENTS.length).toBeGreaterThanOrEqual(35);
    expect(DEMO_DEPARTMENTS.length).toBeLessThanOrEqual(50);
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.code)).size).toBe(DEMO_DEPARTMENTS.length);
    const specialties = new Set(CODE_MIX.map((m) => m.specialty));
    expect(DEMO_DEPARTMENTS.filter((d) => !specialties.has(d.specialty))).toEqual([]);
  });

  it('gives departments very different sizes', () => {
    const lines = sample({ lines: 30_000, seed: 2, endDate: '2025-01-31' });
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(l.department, (counts.get(l.department) ?? 0) + 1);
    expect(counts.size).toBe(DEMO_DEPARTMENTS.length);
    const sizes = [...counts.values()];
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(8);
  });

  it('holds only code values and numbers in the generated mix (no descriptor text)', () => {
    for (const mix of CODE_MIX) {
      expect(mix.codes.length).toBeGreaterThanOrEqual(10);
      const weight = mix.codes.reduce((s, [, w]) => s + w, 0);
      expect(weight).toBeCloseTo(1, 2);
      for (const [code, ...numbers] of mix.codes) {
        expect(code).toMatch(/^(\d{5}|\d{4}[AMFTU]|[A-V]\d{4})$/);
        expect(numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)).toBe(true);
      }
    }
  });

  it('computes NPI check digits as CMS does', () => {
    // CMS's worked example: 123456789 → check digit 3.
    expect(npiCheckDigit('123456789')).toBe(3);
  });
});
