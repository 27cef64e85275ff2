import type { LineColumn } from '../line-columns.js';
import { validateLine, type FieldError, type ValidLine } from '../line-rules.js';

const rules = { today: '2025-06-30' };
const minimal: Partial<Record<LineColumn, string>> = {
  encounter_id: 'E1',
  patient_id: 'P-0001',
  service_date: '2025-03-07',
  department: 'CARD',
  code: '99213',
};

function lineOf(fields: Partial<Record<LineColumn, string>>): ValidLine {
  const result = validateLine({ ...minimal, ...fields }, rules);
  if (!result.ok) throw new Error(`expected a valid line, got ${JSON.stringify(result.errors)}`);
  return result.line;
}

function errorsOf(fields: Partial<Record<LineColumn, string | undefined>>): FieldError[] {
  const result = validateLine({ ...minimal, ...fields } as Partial<Record<LineColumn, string>>, rules);
  if (result.ok) throw new Error('expected errors, got a valid line');
  return result.errors;
}

describe('validateLine: a valid line', () => {
  it('fills every default of an optional column', () => {
    expect(validateLine(minimal, rules)).toEqual({
      ok: true,
      line: {
        encounterId: 'E1',
        lineNumber: null,
        patientId: 'P-0001',
        serviceDate: '2025-03-07',
        department: 'CARD',
        code: '99213',
        section: 'em',
        modifiers: [],
        units: 1,
        placeOfService: '22',
        payer: null,
        payerCategory: 'other',
        providerNpi: null,
        chargeCents: 0,
        allowedCents: 0,
        paidCents: 0,
        claimStatus: 'paid',
        denialReason: null,
        minutes: null,
      },
    });
  });

  it('trims and normalises every column', () => {
    const line = lineOf({
      encounter_id: ' E-2025-000017 ',
      line_number: ' 2 ',
      patient_id: ' P-0001 ',
      service_date: '3/7/2025',
      department: '  Card ',
      code: ' g0008 ',
      modifiers: '26; tc',
      units: '3',
      place_of_service: '11',
      payer: ' Acme Health ',
      payer_category: 'Commercial',
      provider_npi: '1234567893',
      charge_amount: '$1,234.50',
      allowed_amount: '800',
      paid_amount: '640.25',
      claim_status: 'DENIED',
      denial_reason: 'co-50',
      minutes: '45',
    });
    expect(line).toEqual({
      encounterId: 'E-2025-000017',
      lineNumber: 2,
      patientId: 'P-0001',
      serviceDate: '2025-03-07',
      department: 'Card',
      code: 'G0008',
      section: 'hcpcs_ii',
      modifiers: ['26', 'TC'],
      units: 3,
      placeOfService: '11',
      payer: 'Acme Health',
      payerCategory: 'commercial',
      providerNpi: '1234567893',
      chargeCents: 123450,
      allowedCents: 80000,
      paidCents: 64025,
      claimStatus: 'denied',
      denialReason: 'CO-50',
      minutes: 45,
    });
  });

  it('treats a missing field like an empty one', () => {
    expect(errorsOf({ department: undefined })).toEqual([{ column: 'department', reason: 'department is required' }]);
  });
});

describe('validateLine: encounter_id', () => {
  it('is required', () => {
    expect(errorsOf({ encounter_id: '  ' })).toEqual([{ column: 'encounter_id', reason: 'encounter_id is required' }]);
  });

  it('is at most 64 characters', () => {
    expect(lineOf({ encounter_id: 'E'.repeat(64) }).encounterId).toHaveLength(64);
    expect(errorsOf({ encounter_id: 'E'.repeat(65) })).toEqual([
      { column: 'encounter_id', reason: `encounter_id must be at most 64 characters (got 65 characters: "${'E'.repeat(39)}…")` },
    ]);
  });
});

describe('validateLine: line_number', () => {
  it('accepts a positive integer up to 2,147,483,647', () => {
    expect(lineOf({ line_number: '1' }).lineNumber).toBe(1);
    expect(lineOf({ line_number: '2147483647' }).lineNumber).toBe(2147483647);
  });

  it.each(['0', '-1', '1.5', 'two', '2147483648', '12345678901'])('refuses %p', (v) => {
    expect(errorsOf({ line_number: v })).toEqual([
      { column: 'line_number', reason: `line_number must be a whole number from 1 to 2,147,483,647 (got "${v}")` },
    ]);
  });
});

describe('validateLine: patient_id', () => {
  it('is required', () => {
    expect(errorsOf({ patient_id: '' })).toEqual([{ column: 'patient_id', reason: 'patient_id is required' }]);
  });

  it('is at most 64 characters, and the reason never repeats the identifier', () => {
    const id = `SECRET${'9'.repeat(60)}`;
    const errors = errorsOf({ patient_id: id });
    expect(errors).toEqual([{ column: 'patient_id', reason: 'patient_id must be at most 64 characters (got 66 characters)' }]);
    expect(errors[0]!.reason).not.toContain('SECRET');
  });
});

describe('validateLine: service_date', () => {
  it('accepts MM/DD/YYYY and the boundary dates', () => {
    expect(lineOf({ service_date: '03/07/2025' }).serviceDate).toBe('2025-03-07');
    expect(lineOf({ service_date: '1990-01-01' }).serviceDate).toBe('1990-01-01');
    expect(lineOf({ service_date: '2025-06-30' }).serviceDate).toBe('2025-06-30');
  });

  it.each<[string, string]>([
    ['', 'service_date is required'],
    ['2025/03/07', 'service_date must be a date written YYYY-MM-DD or MM/DD/YYYY (got "2025/03/07")'],
    ['yesterday', 'service_date must be a date written YYYY-MM-DD or MM/DD/YYYY (got "yesterday")'],
    ['2025-02-30', 'service_date is not a real calendar date (got "2025-02-30")'],
    ['02/30/2025', 'service_date is not a real calendar date (got "02/30/2025")'],
    ['1989-12-31', 'service_date must be on or after 1990-01-01 (got "1989-12-31")'],
    ['2025-07-01', 'service_date must not be in the future: today is 2025-06-30 (got "2025-07-01")'],
  ])('refuses %p', (v, reason) => {
    expect(errorsOf({ service_date: v })).toEqual([{ column: 'service_date', reason }]);
  });

  it('honours another earliest date', () => {
    const result = validateLine({ ...minimal, service_date: '2019-12-31' }, { today: '2025-06-30', earliest: '2020-01-01' });
    expect(result).toEqual({
      ok: false,
      errors: [{ column: 'service_date', reason: 'service_date must be on or after 2020-01-01 (got "2019-12-31")' }],
    });
  });
});

describe('validateLine: department', () => {
  it('is required and at most 32 characters', () => {
    expect(errorsOf({ department: '' })).toEqual([{ column: 'department', reason: 'department is required' }]);
    expect(lineOf({ department: 'D'.repeat(32) }).department).toHaveLength(32);
    expect(errorsOf({ department: 'D'.repeat(33) })).toEqual([
      { column: 'department', reason: `department must be at most 32 characters (got 33 characters: "${'D'.repeat(33)}")` },
    ]);
  });
});

describe('validateLine: code', () => {
  it('is normalised and sectioned', () => {
    const line = lineOf({ code: ' 0001u ' });
    expect(line.code).toBe('0001U');
    expect(line.section).toBe('pathology_lab');
  });

  it('is required', () => {
    expect(errorsOf({ code: '' })).toEqual([{ column: 'code', reason: 'code is required' }]);
  });

  it.each(['W1234', '9921', '992131', '99213-26'])('refuses %p, naming the accepted formats', (v) => {
    expect(errorsOf({ code: v })).toEqual([
      {
        column: 'code',
        reason: `code must be a CPT code (5 digits, or 4 digits followed by A, M, F, T or U) or a HCPCS Level II code (a letter A to V and 4 digits) (got "${v}")`,
      },
    ]);
  });
});

describe('validateLine: modifiers', () => {
  it.each<[string, string[]]>([
    ['26', ['26']],
    ['26,TC', ['26', 'TC']],
    ['26 tc  59', ['26', 'TC', '59']],
    ['26;TC;59;76', ['26', 'TC', '59', '76']],
    ['26;;TC', ['26', 'TC']],
  ])('reads %p', (v, modifiers) => {
    expect(lineOf({ modifiers: v }).modifiers).toEqual(modifiers);
  });

  it.each(['ABC', '2', '26;T', '2-6'])('refuses the malformed %p', (v) => {
    expect(errorsOf({ modifiers: v })).toEqual([
      {
        column: 'modifiers',
        reason: `modifiers must be codes of two letters or digits, such as 26 or TC, separated by ";", "," or spaces (got "${v}")`,
      },
    ]);
  });

  it('refuses five modifiers', () => {
    expect(errorsOf({ modifiers: '26;TC;59;76;77' })).toEqual([
      { column: 'modifiers', reason: 'modifiers must list at most 4 modifiers (got 5: "26;TC;59;76;77")' },
    ]);
  });
});

describe('validateLine: units', () => {
  it('accepts 1 to 999', () => {
    expect(lineOf({ units: '1' }).units).toBe(1);
    expect(lineOf({ units: '999' }).units).toBe(999);
  });

  it.each(['0', '1000', '2.5', '-1', 'x'])('refuses %p', (v) => {
    expect(errorsOf({ units: v })).toEqual([{ column: 'units', reason: `units must be a whole number from 1 to 999 (got "${v}")` }]);
  });
});

describe('validateLine: place_of_service', () => {
  it('accepts two digits from 01 to 99', () => {
    expect(lineOf({ place_of_service: '01' }).placeOfService).toBe('01');
    expect(lineOf({ place_of_service: '99' }).placeOfService).toBe('99');
  });

  it.each(['00', '1', '123', 'AB'])('refuses %p', (v) => {
    expect(errorsOf({ place_of_service: v })).toEqual([
      { column: 'place_of_service', reason: `place_of_service must be a two-digit place-of-service code from 01 to 99 (got "${v}")` },
    ]);
  });
});

describe('validateLine: payer and payer_category', () => {
  it('keeps a payer of up to 100 characters', () => {
    expect(lineOf({ payer: 'P'.repeat(100) }).payer).toHaveLength(100);
    expect(errorsOf({ payer: 'P'.repeat(101) })).toEqual([
      { column: 'payer', reason: `payer must be at most 100 characters (got 101 characters: "${'P'.repeat(39)}…")` },
    ]);
  });

  it('reads the payer category case-insensitively', () => {
    expect(lineOf({ payer_category: 'MEDICARE' }).payerCategory).toBe('medicare');
    expect(lineOf({ payer_category: 'self_pay' }).payerCategory).toBe('self_pay');
  });

  it('refuses an unknown payer category', () => {
    expect(errorsOf({ payer_category: 'tricare' })).toEqual([
      {
        column: 'payer_category',
        reason: 'payer_category must be one of medicare, medicaid, commercial, self_pay, other (got "tricare")',
      },
    ]);
  });
});

describe('validateLine: provider_npi', () => {
  it('refuses a number that is not 10 digits', () => {
    expect(errorsOf({ provider_npi: '123456789' })).toEqual([
      { column: 'provider_npi', reason: 'provider_npi must be exactly 10 digits (got "123456789")' },
    ]);
  });

  it('refuses a wrong check digit', () => {
    expect(errorsOf({ provider_npi: '1234567890' })).toEqual([
      {
        column: 'provider_npi',
        reason: 'provider_npi has a check digit that does not match, so it is not a real NPI; check for a typo (got "1234567890")',
      },
    ]);
  });
});

describe('validateLine: amounts', () => {
  it('refuses a negative charge and a third decimal place', () => {
    expect(errorsOf({ charge_amount: '-10.00', allowed_amount: '12.345' })).toEqual([
      {
        column: 'charge_amount',
        reason:
          'charge_amount must not be negative: use an amount from 0 to 99,999,999.99 with at most 2 decimal places (got "-10.00")',
      },
      {
        column: 'allowed_amount',
        reason: 'allowed_amount must be an amount from 0 to 99,999,999.99 with at most 2 decimal places (got "12.345")',
      },
    ]);
  });

  it('refuses a paid amount with misplaced commas', () => {
    expect(errorsOf({ paid_amount: '1,23.00' })).toEqual([
      { column: 'paid_amount', reason: 'paid_amount must use commas only between groups of three digits, e.g. 1,234.50 (got "1,23.00")' },
    ]);
  });
});

describe('validateLine: claim_status and denial_reason', () => {
  it('reads the status case-insensitively', () => {
    expect(lineOf({ claim_status: 'Pending' }).claimStatus).toBe('pending');
  });

  it('refuses an unknown status', () => {
    expect(errorsOf({ claim_status: 'void' })).toEqual([
      { column: 'claim_status', reason: 'claim_status must be one of paid, denied, pending (got "void")' },
    ]);
  });

  it.each<[string, string]>([
    ['50', '50'],
    ['CO-50', 'CO-50'],
    ['PR 204', 'PR-204'],
    ['co-b7', 'CO-B7'],
    ['oa  23', 'OA-23'],
    ['B7', 'B7'],
    ['N1', 'N1'],
  ])('normalises the denial reason %p to %s', (v, reason) => {
    expect(lineOf({ denial_reason: v }).denialReason).toBe(reason);
  });

  it.each(['CO50', 'XX-50', '1234', 'CO-', 'B123', 'CO-50-1'])('refuses the denial reason %p', (v) => {
    expect(errorsOf({ denial_reason: v })).toEqual([
      {
        column: 'denial_reason',
        reason: `denial_reason must be a CARC code, optionally after a group code CO, PR, OA, PI or CR, such as 50, CO-50, PR 204 or CO-B7 (got "${v}")`,
      },
    ]);
  });
});

describe('validateLine: minutes', () => {
  it('accepts 0 to 1440', () => {
    expect(lineOf({ minutes: '0' }).minutes).toBe(0);
    expect(lineOf({ minutes: '1440' }).minutes).toBe(1440);
  });

  it.each(['1441', '-5', '12.5'])('refuses %p', (v) => {
    expect(errorsOf({ minutes: v })).toEqual([{ column: 'minutes', reason: `minutes must be a whole number from 0 to 1,440 (got "${v}")` }]);
  });
});

describe('validateLine: several errors', () => {
  it('reports every error of the line in column order', () => {
    const errors = errorsOf({
      minutes: '1441',
      units: '0',
      encounter_id: '',
      code: 'W1234',
      service_date: '2025-02-30',
      provider_npi: '1234567890',
      claim_status: 'void',
    });
    expect(errors.map((e) => e.column)).toEqual(['encounter_id', 'service_date', 'code', 'units', 'provider_npi', 'claim_status', 'minutes']);
  });
});
