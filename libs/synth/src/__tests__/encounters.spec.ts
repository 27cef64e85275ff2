import { groupBy, sample } from './sample.js';

describe('encounters and patients', () => {
  const lines = sample({ lines: 40_000, seed: 9, endDate: '2025-09-30' });
  const encounters = groupBy(lines, (l) => l.encounter_id);

  it('gives every line of an encounter the same patient, date, department, payer and provider', () => {
    const mixed = [...encounters.values()].filter((enc) =>
      ['patient_id', 'service_date', 'department', 'payer', 'payer_category', 'provider_npi', 'place_of_service']
        .some((column) => new Set(enc.map((l) => l[column])).size > 1),
    );
    expect(mixed).toEqual([]);
  });

  it('numbers the lines of an encounter 1..n with n between 1 and 4', () => {
    const bad = [...encounters.values()].filter((enc) => {
      const numbers = enc.map((l) => Number(l.line_number));
      return enc.length > 4 || numbers.some((n, i) => n !== i + 1);
    });
    expect(bad).toEqual([]);
    const multi = [...encounters.values()].filter((enc) => enc.length > 1).length;
    expect(multi / encounters.size).toBeGreaterThan(0.2);
  });

  it('keeps the key (encounter_id, line_number) unique', () => {
    expect(new Set(lines.map((l) => `${l.encounter_id}#${l.line_number}`)).size).toBe(lines.length);
  });

  it('bills at most one E/M service per encounter', () => {
    const twice = [...encounters.values()].filter((enc) => enc.filter((l) => /^99(2[0-9]|3[0-9]|4[0-9])\d$/.test(l.code)).length > 1);
    expect(twice).toEqual([]);
  });

  it('sees patients more than once, some of them often', () => {
    const visits = groupBy([...encounters.values()].map((enc) => enc[0]!), (l) => l.patient_id);
    expect(visits.size).toBeLessThan(encounters.size * 0.6);
    expect(Math.max(...[...visits.values()].map((v) => v.length))).toBeGreaterThanOrEqual(10);
  });

  it('keeps a patient with one insurer', () => {
    const byPatient = groupBy(lines, (l) => l.patient_id);
    const switched = [...byPatient.values()].filter((ls) => new Set(ls.map((l) => l.payer)).size > 1);
    expect(switched).toEqual([]);
  });

  it('has a few providers per department', () => {
    const byDept = groupBy(lines.filter((l) => l.provider_npi !== ''), (l) => l.department);
    const counts = [...byDept.values()].map((ls) => new Set(ls.map((l) => l.provider_npi)).size);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
  });
});
