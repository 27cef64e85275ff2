import { resolveHeader } from '../line-columns.js';

const required = ['encounter_id', 'patient_id', 'service_date', 'department', 'code'];

describe('resolveHeader', () => {
  it('maps the columns in any order', () => {
    expect(resolveHeader(['code', 'department', 'service_date', 'patient_id', 'encounter_id', 'units'])).toEqual({
      index: { code: 0, department: 1, service_date: 2, patient_id: 3, encounter_id: 4, units: 5 },
      unknown: [],
      missing: [],
      conflicts: [],
    });
  });

  it('matches names case-insensitively, trims them and follows the code aliases', () => {
    expect(resolveHeader(['Encounter_ID', ' patient_id ', 'SERVICE_DATE', 'Department', 'CPT_Code'])).toEqual({
      index: { encounter_id: 0, patient_id: 1, service_date: 2, department: 3, code: 4 },
      unknown: [],
      missing: [],
      conflicts: [],
    });
    expect(resolveHeader([...required.slice(0, 4), 'hcpcs_code']).index.code).toBe(4);
    expect(resolveHeader([...required.slice(0, 4), 'Procedure_Code']).index.code).toBe(4);
  });

  it('strips a byte-order mark from the first name', () => {
    const map = resolveHeader(['\uFEFFencounter_id', 'patient_id', 'service_date', 'department', 'code']);
    expect(map.index.encounter_id).toBe(0);
    expect(map.missing).toEqual([]);
    expect(map.unknown).toEqual([]);
  });

  it('lists unknown columns as written and skips blank names', () => {
    const map = resolveHeader([...required, ' Notes ', 'cpt', '']);
    expect(map.unknown).toEqual(['Notes', 'cpt']);
    expect(map.missing).toEqual([]);
  });

  it('lists the missing required columns in contract order', () => {
    expect(resolveHeader(['code', 'encounter_id', 'units']).missing).toEqual(['patient_id', 'service_date', 'department']);
    expect(resolveHeader([]).missing).toEqual(required);
  });

  it('reports a column named twice, directly or through an alias, and keeps the first', () => {
    const map = resolveHeader([...required, 'cpt_code', 'units', 'UNITS', 'hcpcs_code']);
    expect(map.conflicts).toEqual(['code', 'units']);
    expect(map.index.code).toBe(4);
    expect(map.index.units).toBe(6);
  });
});
