// DESIGN §3.1: the key of a line is encounter_id + line_number. Loading a file twice changes
// nothing; a later file with the same key replaces the line; lines without a number take their
// position among their encounter's lines, so re-importing such a file is idempotent too.
// Every expected total is added up by hand from the fixture in the comment next to it.
import { startTestApp, type ImportStatus, type TestApp } from '../support/test-app.js';
import { fixture, totals } from './import-fixtures.js';

const ALL = 'lines,units,encounters,patients,charges,allowed,paid';

describe('CSV import idempotency (DESIGN §3.1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  // Each test starts from an empty fact table, so none depends on another's imports.
  beforeEach(async () => {
    await t.db.query('TRUNCATE procedure_line, encounter, patient, import_rejection, import, department, payer, procedure_code RESTART IDENTITY');
  });

  async function load(name: string): Promise<ImportStatus> {
    const status = await t.importCsv(fixture(name), name);
    expect(status.status).toBe('completed');
    return status;
  }

  /** Every stored line with every value but the import that wrote it. */
  async function snapshot(): Promise<unknown[]> {
    return t.db.query(
      `SELECT e.external_id, f.line_number, f.patient_key, f.service_date::text, f.department_id, f.code_id, f.section, f.modifiers,
         f.units, f.place_of_service, f.payer_id, f.payer_category, f.provider_npi::text, f.charge_cents::text, f.allowed_cents::text,
         f.paid_cents::text, f.claim_status, f.denial_reason, f.minutes
       FROM procedure_line f JOIN encounter e ON e.id = f.encounter_key ORDER BY e.external_id, f.line_number`,
    );
  }

  async function counts(): Promise<Record<string, number>> {
    const [row] = await t.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM procedure_line) AS lines, (SELECT count(*)::int FROM encounter) AS encounters,
         (SELECT count(*)::int FROM patient) AS patients, (SELECT count(*)::int FROM department) AS departments,
         (SELECT count(*)::int FROM procedure_code) AS codes`,
    );
    return row!;
  }

  // idempotency-base.csv, added up by hand:
  //   lines 6; units 1+1+2+3+1+1 = 9; encounters ID-E1..ID-E4 = 4; patients PT3001, PT3002, PT3003 = 3
  //   charges 200.00+45.00+180.00+60.00+25.50+10.00 = 520.50
  //   allowed 120.00+20.00+90.00+30.00+10.25+3.00 = 273.25
  //   paid    96.00+16.00+0+24.00+8.20+2.40 = 146.60
  //   denial_rate: 4 paid + 1 denied adjudicated (ID-E4/2 pending) → 1/5 = 0.2
  const BASE = { lines: 6, units: 9, encounters: 4, patients: 3, charges: 520.5, allowed: 273.25, paid: 146.6, denial_rate: 0.2 };
  const MAY_2024 = ['2024-05-01', '2024-05-31'] as const;

  it('changes no total when the same file is loaded twice', async () => {
    const first = await load('idempotency-base.csv');
    expect(first).toMatchObject({ rowsLoaded: 6, rowsRejected: 0, departmentsCreated: ['CARD', 'LAB', 'RAD'] });
    expect(await totals(t, ...MAY_2024, `${ALL},denial_rate`)).toEqual(BASE);
    const before = await snapshot();
    // CARD, LAB, RAD; 99214, 93000, 71046, 80053, 85025, 36415.
    expect(await counts()).toEqual({ lines: 6, encounters: 4, patients: 3, departments: 3, codes: 6 });

    const second = await load('idempotency-base.csv');
    // The same six keys are replaced by themselves; nothing new anywhere.
    expect(second).toMatchObject({ rowsLoaded: 6, rowsRejected: 0, departmentsCreated: [] });
    expect(await totals(t, ...MAY_2024, `${ALL},denial_rate`)).toEqual(BASE);
    expect(await snapshot()).toEqual(before);
    expect(await counts()).toEqual({ lines: 6, encounters: 4, patients: 3, departments: 3, codes: 6 });
  });

  it('replaces a line when a later file has the same encounter and line number, changing totals by exactly the difference', async () => {
    await load('idempotency-base.csv');
    expect(await totals(t, ...MAY_2024, `${ALL},denial_rate`)).toEqual(BASE);

    const correction = await load('idempotency-correction.csv');
    expect(correction).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
    // idempotency-correction.csv against the base:
    //   ID-E2/1 replaced: paid 0 → 72.00, status denied → paid (charges, allowed, units unchanged)
    //   ID-E4/2 replaced: charge 10.00 → 12.00, status pending → paid (allowed 3.00, paid 2.40 unchanged)
    //   ID-E4/3 new:      1 unit, 20.00 / 8.00 / 6.40
    //   lines 6 + 1 = 7; units 9 + 1 = 10; encounters 4, patients 3 unchanged
    //   charges 520.50 + 2.00 + 20.00 = 542.50; allowed 273.25 + 8.00 = 281.25; paid 146.60 + 72.00 + 6.40 = 225.00
    //   denial_rate: 7 paid, 0 denied → 0
    const corrected = { lines: 7, units: 10, encounters: 4, patients: 3, charges: 542.5, allowed: 281.25, paid: 225, denial_rate: 0 };
    expect(await totals(t, ...MAY_2024, `${ALL},denial_rate`)).toEqual(corrected);
    const replaced = await t.db.query(
      `SELECT e.external_id, f.line_number, f.charge_cents::int AS charge, f.paid_cents::int AS paid, f.claim_status, f.import_id
       FROM procedure_line f JOIN encounter e ON e.id = f.encounter_key WHERE f.import_id = $1 ORDER BY 1, 2`,
      [correction.id],
    );
    expect(replaced).toEqual([
      { external_id: 'ID-E2', line_number: 1, charge: 18_000, paid: 7_200, claim_status: 0, import_id: correction.id },
      { external_id: 'ID-E4', line_number: 2, charge: 1_200, paid: 240, claim_status: 0, import_id: correction.id },
      { external_id: 'ID-E4', line_number: 3, charge: 2_000, paid: 640, claim_status: 0, import_id: correction.id },
    ]);

    // The correction itself is idempotent as well.
    await load('idempotency-correction.csv');
    expect(await totals(t, ...MAY_2024, `${ALL},denial_rate`)).toEqual(corrected);
  });

  it('numbers lines without a line_number by their position in their encounter, so re-imports are idempotent', async () => {
    // idempotency-default-lines.csv: DL-E1 on rows 2, 4, 5 → lines 1, 2, 3; DL-E2 on rows 3, 6 → lines 1, 2.
    //   lines 5; units 1+1+1+1+2 = 6; encounters 2; patients 2; charges 200+100+45+10+5 = 360.00
    const expected = { lines: 5, units: 6, encounters: 2, patients: 2, charges: 360, allowed: 0, paid: 0 };
    const numbering = [
      ['DL-E1', 1, '99214'],
      ['DL-E1', 2, '93000'],
      ['DL-E1', 3, '36415'],
      ['DL-E2', 1, '99213'],
      ['DL-E2', 2, '81002'],
    ];
    type Numbered = { external_id: string; line_number: number; code: string };
    const lineNumbers = async () =>
      (
        await t.db.query<Numbered>(
          `SELECT e.external_id, f.line_number, c.code FROM procedure_line f
           JOIN encounter e ON e.id = f.encounter_key JOIN procedure_code c ON c.id = f.code_id ORDER BY 1, 2`,
        )
      ).map((r: Numbered) => [r.external_id, r.line_number, r.code]);

    await load('idempotency-default-lines.csv');
    expect(await totals(t, '2024-06-01', '2024-06-30', ALL)).toEqual(expected);
    expect(await lineNumbers()).toEqual(numbering);
    const before = await snapshot();

    await load('idempotency-default-lines.csv');
    expect(await totals(t, '2024-06-01', '2024-06-30', ALL)).toEqual(expected);
    expect(await snapshot()).toEqual(before);

    // Same rows grouped by encounter: each encounter's own order is unchanged, so are its numbers.
    await load('idempotency-default-lines-by-encounter.csv');
    expect(await totals(t, '2024-06-01', '2024-06-30', ALL)).toEqual(expected);
    expect(await lineNumbers()).toEqual(numbering);
    expect(await snapshot()).toEqual(before);
  });
});
