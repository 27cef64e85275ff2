import type { TestApp } from '../support/test-app.js';
import { ALL_MEASURES, WHOLE, aggregate, startScenarioApp } from './scenario.js';

// Every expected number is worked out by hand in ../fixtures/aggregate/README.md; the
// arithmetic behind each one is repeated next to it.
describe('aggregate measures over the scenario', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startScenarioApp();
  });
  afterAll(() => t.close());

  it('counts every measure over the whole file', async () => {
    const answer = await aggregate(t, `${ALL_MEASURES}&${WHOLE}`);
    const whole = {
      lines: 44,
      units: 48, // 44 lines, L11 has 3 units, L23 and L31 have 2: 44 + 2 + 1 + 1
      encounters: 37, // E01–E06 and E10–E40
      patients: 15, // P01 … P15
      charges: 56530.48, // 1,400.00 + 3,300.50 + 319.98 + 50,710.00 + 800.00
      allowed: 33443.82, // 1,080.00 + 1,710.50 + 213.32 + 30,440.00 + 0
      paid: 14267.16, // 864.00 + 936.50 + 114.66 + 12,352.00 + 0
      denial_rate: 0.125, // 5 denied / 40 adjudicated (4 pending lines left out)
    };
    expect(answer.totals).toEqual(whole);
    // Without a group-by the answer is one row, equal to the totals.
    expect(answer.rows).toEqual([whole]);
    expect(answer.meta).toMatchObject({ grain: 'month', from: '2020-01-01', to: '2026-11-27', rowCount: 1, suppressed: 0 });
  });

  it('counts every measure per department', async () => {
    const answer = await aggregate(t, `${ALL_MEASURES}&groupBy=department&${WHOLE}`);
    expect(answer.rows).toEqual([
      // CARD: 6×100 + 4×150 + 4×50 charged; 6×80 + 4×120 + 3×40 allowed (L27 pending, 0); 6×64 + 4×96 + 3×32 paid
      { department: 'CARD', lines: 14, units: 15, encounters: 12, patients: 5, charges: 1400, allowed: 1080, paid: 864, denial_rate: 0 },
      // LAB: 4×30 + 6×33.33; 4×20 + 6×22.22; 3×16 + 6×11.11; L4 denied of 10
      { department: 'LAB', lines: 10, units: 10, encounters: 9, patients: 5, charges: 319.98, allowed: 213.32, paid: 114.66, denial_rate: 0.1 },
      // ONC: two pending lines of P11, nothing adjudicated
      { department: 'ONC', lines: 2, units: 2, encounters: 2, patients: 1, charges: 800, allowed: 0, paid: 0, denial_rate: null },
      // ORTH: 25,000+300+100+80+150+80+25,000; 15,000+200+60+120+60+15,000; 12,000+160+48+96+48; L19, L41 denied of 7
      { department: 'ORTH', lines: 7, units: 7, encounters: 5, patients: 2, charges: 50710, allowed: 30440, paid: 12352, denial_rate: 2 / 7 },
      // RAD: 5×120 + 3×900 + 0.10 + 0.20 + 0.20; 4×90 + 3×450 + 0.50; 3×72 + 2×360 + 0.50; L10, L25 denied of 10 (L16 pending)
      { department: 'RAD', lines: 11, units: 14, encounters: 9, patients: 5, charges: 3300.5, allowed: 1710.5, paid: 936.5, denial_rate: 0.2 },
    ]);
    expect(answer.meta.rowCount).toBe(5);
  });

  it('counts a patient seen in two departments once in the total and once in each department row', async () => {
    // CARD: P01 P02 P09 P14 P15; RAD: P01 P03 P05 P06 P13; together 5 + 5 − P01 = 9.
    const answer = await aggregate(t, `measures=patients,encounters&groupBy=department&department=CARD,RAD&${WHOLE}`);
    expect(answer.rows).toEqual([
      { department: 'CARD', patients: 5, encounters: 12 },
      { department: 'RAD', patients: 5, encounters: 9 },
    ]);
    expect(answer.totals).toEqual({ patients: 9, encounters: 21 });
  });

  it('adds up to 18 patients by department but 15 in the total', async () => {
    // 5 + 5 + 1 + 2 + 5 = 18 department rows; P01 (CARD, RAD), P02 (CARD, LAB), P03 (RAD, LAB) are counted twice.
    const answer = await aggregate(t, `measures=patients&groupBy=department&${WHOLE}`);
    expect(answer.rows.reduce((sum, row) => sum + (row['patients'] as number), 0)).toBe(18);
    expect(answer.totals['patients']).toBe(15);
  });

  it('counts an encounter once however many lines it has', async () => {
    // 2024-02-29: E12 has two lines (L10, L11) for P06.
    const answer = await aggregate(t, 'measures=lines,units,encounters,patients&from=2024-02-29&to=2024-02-29');
    expect(answer.totals).toEqual({ lines: 2, units: 4, encounters: 1, patients: 1 });
  });

  it('counts a patient once across several encounters', async () => {
    // ORTH: P08's encounters E15 (2 lines), E26, E37 and P10's E19, E31 (2 lines): 7 lines, 5 encounters, 2 patients.
    const answer = await aggregate(t, `measures=lines,encounters,patients&department=ORTH&${WHOLE}`);
    expect(answer.totals).toEqual({ lines: 7, encounters: 5, patients: 2 });
  });

  it('sums units, not lines', async () => {
    // J1100: L11 3 units, L21 1, L31 2 → 3 lines, 6 units.
    const answer = await aggregate(t, `measures=lines,units&code=J1100&${WHOLE}`);
    expect(answer.totals).toEqual({ lines: 3, units: 6 });
  });

  it('adds cents exactly: 0.10 + 0.20 is 0.3', async () => {
    // 2024 J1100: L11 0.10 + L21 0.20 in every money column.
    const answer = await aggregate(t, 'measures=charges,allowed,paid&code=J1100&from=2024-01-01&to=2024-12-31');
    expect(answer.totals).toEqual({ charges: 0.3, allowed: 0.3, paid: 0.3 });
    expect(0.1 + 0.2).not.toBe(0.3); // the float sum the API must not have done
  });

  it('adds six amounts of 33.33 to exactly 199.98', async () => {
    // 85025: L5 L18 L24 L32 L40 L44, each 33.33 / 22.22 / 11.11.
    const answer = await aggregate(t, `measures=charges,allowed,paid&code=85025&${WHOLE}`);
    expect(answer.totals).toEqual({ charges: 199.98, allowed: 133.32, paid: 66.66 });
  });

  it('reads amounts written with thousands separators to the cent', async () => {
    // 27447: L14 25,000.00 / 15,000.00 / 12,000.00 and L41 25,000.00 / 15,000.00 / 0 (denied).
    const answer = await aggregate(t, `measures=charges,allowed,paid,denial_rate&section=surgery&${WHOLE}`);
    expect(answer.totals).toEqual({ charges: 50000, allowed: 30000, paid: 12000, denial_rate: 0.5 });
  });

  it('leaves pending lines out of the denial rate', async () => {
    // RAD: 2 denied (L10, L25) over 10 adjudicated; the pending L16 would make it 2/11.
    const rad = await aggregate(t, `measures=lines,denial_rate&department=RAD&${WHOLE}`);
    expect(rad.totals).toEqual({ lines: 11, denial_rate: 0.2 });
    // 2025-03: L25 denied, L26 paid, L27 pending → 1/2.
    const march = await aggregate(t, 'measures=lines,denial_rate&from=2025-03-01&to=2025-03-31');
    expect(march.totals).toEqual({ lines: 3, denial_rate: 0.5 });
  });

  it('answers a denial rate of 0, not null, when lines were adjudicated and none denied', async () => {
    // CARD: 13 adjudicated, 0 denied.
    const answer = await aggregate(t, `measures=denial_rate&department=CARD&${WHOLE}`);
    expect(answer.totals).toEqual({ denial_rate: 0 });
  });

  it('answers a null denial rate when nothing is adjudicated', async () => {
    // ONC: L22 and L35, both pending.
    const onc = await aggregate(t, `measures=lines,denial_rate&department=ONC&${WHOLE}`);
    expect(onc.totals).toEqual({ lines: 2, denial_rate: null });
    // 2022 has no lines at all: counts and money are 0, the rate is null.
    const empty = await aggregate(t, `${ALL_MEASURES}&from=2022-01-01&to=2022-12-31`);
    expect(empty.totals).toEqual({ lines: 0, units: 0, encounters: 0, patients: 0, charges: 0, allowed: 0, paid: 0, denial_rate: null });
  });

  it('answers measures in dollars as JSON numbers, with lines as the default measure', async () => {
    const answer = await aggregate(t, WHOLE);
    expect(answer.totals).toEqual({ lines: 44 });
    const money = await aggregate(t, `measures=charges&department=LAB&${WHOLE}`);
    expect(typeof money.totals['charges']).toBe('number');
    expect(money.totals['charges']).toBe(319.98);
  });
});
