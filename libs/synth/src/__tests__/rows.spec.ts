import { DEMO_DEPARTMENTS, generateLines, SYNTH_COLUMNS } from '../index.js';
import { isRealDate, isValidNpi, sample } from './sample.js';

const CODE = /^(\d{5}|\d{4}[AMFTU]|[A-V]\d{4})$/;
const AMOUNT = /^\d{1,8}\.\d{2}$/;
const CARC = /^(CO|PR|OA|PI|CR)-\d{1,3}$/;
const MODIFIERS = /^$|^[A-Z0-9]{2}([;, ][A-Z0-9]{2}){0,3}$/;
const cents = (amount: string): number => Math.round(Number(amount) * 100);

describe('generated rows', () => {
  const lines = sample({ lines: 40_000, seed: 11, endDate: '2025-03-31' });
  const departments = new Set(DEMO_DEPARTMENTS.map((d) => d.code));

  it.each([0, 1, 7, 1_000, 12_345])('emits exactly %i rows', (n) => {
    let count = 0;
    for (const row of generateLines({ lines: n, seed: 3, endDate: '2024-12-31' })) {
      expect(row).toHaveLength(SYNTH_COLUMNS.length);
      count++;
    }
    expect(count).toBe(n);
  });

  it('uses valid procedure codes', () => {
    expect(lines.filter((l) => !CODE.test(l.code))).toEqual([]);
  });

  it('uses 10-digit NPIs with a valid Luhn check digit, or none', () => {
    expect(lines.filter((l) => l.provider_npi !== '' && !isValidNpi(l.provider_npi))).toEqual([]);
    expect(lines.filter((l) => l.provider_npi !== '').length).toBeGreaterThan(lines.length * 0.9);
  });

  it('uses real YYYY-MM-DD dates and known departments', () => {
    expect(lines.filter((l) => !isRealDate(l.service_date))).toEqual([]);
    expect(lines.filter((l) => !departments.has(l.department))).toEqual([]);
  });

  it('writes amounts with two decimals and charge ≥ allowed ≥ paid', () => {
    const bad = lines.filter((l) => {
      const [charge, allowed, paid] = [l.charge_amount, l.allowed_amount, l.paid_amount];
      if (![charge, allowed, paid].every((a) => AMOUNT.test(a))) return true;
      return cents(allowed) > cents(charge) || cents(paid) > cents(allowed);
    });
    expect(bad).toEqual([]);
  });

  it('gives a CARC reason and no payment exactly on denied lines', () => {
    const bad = lines.filter((l) => {
      if (!['paid', 'denied', 'pending'].includes(l.claim_status)) return true;
      if (l.claim_status === 'denied') return !CARC.test(l.denial_reason) || cents(l.paid_amount) !== 0;
      return l.denial_reason !== '';
    });
    expect(bad).toEqual([]);
  });

  it('keeps the other columns within their rules', () => {
    const categories = ['medicare', 'medicaid', 'commercial', 'self_pay', 'other'];
    const bad = lines.filter((l) => {
      const units = Number(l.units);
      const minutes = l.minutes === '' ? 0 : Number(l.minutes);
      return (
        !/^P\d{8}$/.test(l.patient_id) ||
        !/^E\d{8}-\d{6,}$/.test(l.encounter_id) ||
        !Number.isInteger(units) || units < 1 || units > 999 ||
        !Number.isInteger(minutes) || minutes < 0 || minutes > 1440 ||
        !/^\d{2}$/.test(l.place_of_service) ||
        !MODIFIERS.test(l.modifiers) ||
        !categories.includes(l.payer_category) || l.payer === ''
      );
    });
    expect(bad).toEqual([]);
  });

  it('covers the code sections, including a few codes outside the 2012 mix', () => {
    const codes = new Set(lines.map((l) => l.code));
    for (const pattern of [/^992\d\d$/, /^7\d{4}$/, /^8\d{4}$/, /^[1-6]\d{4}$/, /^0[01]\d{3}$/, /^[A-V]\d{4}$/, /^\d{4}F$/, /^\d{4}U$/]) {
      expect([...codes].some((c) => pattern.test(c))).toBe(true);
    }
  });

  it('refuses bad options when called, naming the option', () => {
    expect(() => generateLines({ lines: 10, seed: 1, endDate: '2025-02-30' })).toThrow(/endDate/);
    expect(() => generateLines({ lines: -1, seed: 1, endDate: '2025-01-31' })).toThrow(/lines/);
    expect(() => generateLines({ lines: 1, seed: 0.5, endDate: '2025-01-31' })).toThrow(/seed/);
    expect(() => generateLines({ lines: 1, seed: 1, endDate: '2025-01-31', years: 0 })).toThrow(/years/);
  });
});
