// GET /api/v1/capacity/utilization on a hand-worked fixture (DESIGN §4 `minutes` and
// `utilization`): holidays, a week cut by the range, FTE conversion, and CT scanners that
// the ED uses without having any (the pooled rows).
//
// Model
//   ct_scanner (equipment)   RAD: 1 unit, 10 h Mon–Fri        IMG: 2 units, 6 h on Saturdays
//   technologist (staff)     RAD: 2.5 FTE, Mon–Fri, 1768 h/FTE (default)
//                            IMG: 1 FTE, Mon–Fri, 1820 h/FTE
//   holidays                 2025-03-17 (a Monday) for every department; 2025-03-22 (a Saturday) for IMG
//   profiles                 74177: ct 20 min, technologist 25 min; 70450: ct 15, technologist 15
//                            99213: none (its lines are "unprofiled")
// Lines (March 2025; the 1st is a Saturday)
//   L1–L3  RAD 74177 ×1, 3rd/4th/5th    ct 3 × 20 = 60   tech 3 × 25 = 75
//   L4     RAD 74177 ×2, 10th           ct 2 × 20 = 40   tech 2 × 25 = 50
//   L5     RAD 70450 ×1, 11th, 33 actual minutes: ct 33, tech 33 (actual minutes count for every type)
//   L6     ED  70450 ×1, 12th           ct 15            tech 15
//   L7     RAD 74177 ×1, 13th           ct 20            tech 25
//   L8     IMG 74177 ×1, 15th (Sat)     ct 20            tech 25
//   L9     RAD 70450 ×3, 18th           ct 45            tech 45
//   L10    CARD 99213, 3rd              unprofiled
//   L11    RAD 74177 ×1, 2025-04-01     outside March
//
// March, by month
//   RAD ct    used 60+40+33+20+45 = 198 min; 21 weekdays − the 17th = 20 days × 10 h = 200 h → 198 / 12000
//   RAD tech  used 75+50+33+25+45 = 228 min; 20 working days × 1768/260 = 136 h per FTE × 2.5 = 340 h → 228 / 20400
//   IMG ct    used 20; Saturdays 1, 8, 15, 29 (the 22nd is IMG's holiday) = 4 × 6 h × 2 units = 48 h → 20 / 2880
//   ED ct     used 15; no inventory: 0 h, utilization null;  ED tech 15, 0 h, null
//   IMG tech  used 25; no inventory: 0 h, null
//   pooled ct     198 + 20 + 15 = 233 min over 200 + 48 = 248 h → 233 / 14880
//   pooled tech   228 + 15 + 25 = 268 min over 340 h → 268 / 20400
import type { CapacityUtilizationResponse } from '@caseload/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/api/v1/capacity';
const LINES = [
  'encounter_id,patient_id,service_date,department,code,units,minutes',
  'U1,P1,2025-03-03,RAD,74177,1,',
  'U2,P2,2025-03-04,RAD,74177,1,',
  'U3,P3,2025-03-05,RAD,74177,1,',
  'U4,P4,2025-03-10,RAD,74177,2,',
  'U5,P5,2025-03-11,RAD,70450,1,33',
  'U6,P6,2025-03-12,ED,70450,1,',
  'U7,P7,2025-03-13,RAD,74177,1,',
  'U8,P8,2025-03-15,IMG,74177,1,',
  'U9,P9,2025-03-18,RAD,70450,3,',
  'U10,P10,2025-03-03,CARD,99213,1,',
  'U11,P11,2025-04-01,RAD,74177,1,',
].join('\n');

const MODEL = {
  'resource-types': [
    { key: 'ct_scanner', name: 'CT scanner', kind: 'equipment' },
    { key: 'technologist', name: 'Technologist', kind: 'staff' },
  ],
  inventories: [
    { department: 'RAD', resourceType: 'ct_scanner', count: 1, schedule: [10, 10, 10, 10, 10, 0, 0], productiveHoursPerFte: null },
    { department: 'IMG', resourceType: 'ct_scanner', count: 2, schedule: [0, 0, 0, 0, 0, 6, 0], productiveHoursPerFte: null },
    { department: 'RAD', resourceType: 'technologist', count: 2.5, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: null },
  ],
  holidays: [
    { date: '2025-03-17', department: null, name: 'Closure' },
    { date: '2025-03-22', department: 'IMG', name: 'IMG closure' },
  ],
  profiles: [
    { code: '74177', resourceType: 'ct_scanner', minutes: 20 },
    { code: '74177', resourceType: 'technologist', minutes: 25 },
    { code: '70450', resourceType: 'ct_scanner', minutes: 15 },
    { code: '70450', resourceType: 'technologist', minutes: 15 },
  ],
};

type Row = CapacityUtilizationResponse['rows'][number];
const pick = (row: Row) => [row.period, row.department, row.resourceType, row.usedMinutes, row.count, row.availableHours, row.utilization];

describe('capacity utilization', () => {
  let t: TestApp;
  let imgOnly: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [list, rows] of Object.entries(MODEL)) {
      const response = await t.request('PUT', `${BASE}/${list}`, { body: { rows } });
      if (response.status !== 200) throw new Error(`PUT ${list}: ${await response.text()}`);
    }
    const loaded = await t.importCsv(LINES);
    if (loaded.rowsLoaded !== 11) throw new Error(`fixture import: ${JSON.stringify(loaded)}`);
    imgOnly = (await t.createUser({ email: 'img@example.test', password: 'img-password-12', role: 'viewer', departments: ['IMG'] })).token;
  }, 60_000);
  afterAll(() => t.close());

  const utilization = (query: string, token?: string) =>
    t.request('GET', `${BASE}/utilization?${query}`, token === undefined ? {} : { token }).then(async (r) => {
      if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
      return (await r.json()) as CapacityUtilizationResponse;
    });

  it('measures March by department and resource: holidays out, FTEs in hours, a department without units', async () => {
    const answer = await utilization('from=2025-03-01&to=2025-03-31&grain=month');
    expect(answer.rows.map(pick)).toEqual([
      ['2025-03', 'ED', 'ct_scanner', 15, 0, 0, null],
      ['2025-03', 'ED', 'technologist', 15, 0, 0, null],
      ['2025-03', 'IMG', 'ct_scanner', 20, 2, 48, 20 / 2880],
      ['2025-03', 'IMG', 'technologist', 25, 0, 0, null],
      ['2025-03', 'RAD', 'ct_scanner', 198, 1, 200, 198 / 12000],
      ['2025-03', 'RAD', 'technologist', 228, 2.5, expect.closeTo(340, 9), expect.closeTo(228 / 20400, 12)],
    ]);
    expect(answer.meta).toEqual({ grain: 'month', from: '2025-03-01', to: '2025-03-31', rowCount: 6, unprofiledLines: 1 });
  });

  it('pools a resource type across the departments that use it', async () => {
    const answer = await utilization('from=2025-03-01&to=2025-03-31');
    const pooled = answer.pooled.map((p) => [p.resourceType, p.departments, p.usedMinutes, p.count, p.availableHours, p.utilization]);
    // IMG's technologist minutes (L8, 25) have no IMG inventory: 228 + 15 + 25 = 268 over 340 h.
    expect(pooled).toEqual([
      ['ct_scanner', ['ED', 'IMG', 'RAD'], 233, 3, 248, 233 / 14880],
      ['technologist', ['ED', 'IMG', 'RAD'], 268, 2.5, expect.closeTo(340, 9), expect.closeTo(268 / 20400, 12)],
    ]);
  });

  it('cuts weeks to the range: 12–16 March of week 11, 17–18 March of week 12', async () => {
    // W11 part (Wed 12 – Sun 16): RAD ct 3 days × 10 h = 30 h, L7 20 min; RAD tech 3 × 6.8 h × 2.5 = 51 h, 25 min;
    //   IMG ct Saturday 15th 6 h × 2 = 12 h, L8 20 min; ED ct L6 15 min.
    // W12 part (Mon 17, a holiday – Tue 18): RAD ct 10 h, L9 45 min; RAD tech 1 day × 6.8 × 2.5 = 17 h, 45 min;
    //   IMG ct closed both days: 0 h, utilization null.
    const answer = await utilization('from=2025-03-12&to=2025-03-18&grain=week&resourceType=ct_scanner,technologist&department=RAD,IMG,ED');
    const rows = answer.rows.map((r) => [r.period, r.from, r.to, r.department, r.resourceType, r.usedMinutes, r.availableHours, r.utilization]);
    // ED and IMG use technologists (L6, L8) without having any: 0 h, no utilization.
    expect(rows).toEqual([
      ['2025-W11', '2025-03-12', '2025-03-16', 'ED', 'ct_scanner', 15, 0, null],
      ['2025-W11', '2025-03-12', '2025-03-16', 'ED', 'technologist', 15, 0, null],
      ['2025-W11', '2025-03-12', '2025-03-16', 'IMG', 'ct_scanner', 20, 12, 20 / 720],
      ['2025-W11', '2025-03-12', '2025-03-16', 'IMG', 'technologist', 25, 0, null],
      ['2025-W11', '2025-03-12', '2025-03-16', 'RAD', 'ct_scanner', 20, 30, 20 / 1800],
      ['2025-W11', '2025-03-12', '2025-03-16', 'RAD', 'technologist', 25, expect.closeTo(51, 9), expect.closeTo(25 / 3060, 12)],
      ['2025-W12', '2025-03-17', '2025-03-18', 'ED', 'ct_scanner', 0, 0, null],
      ['2025-W12', '2025-03-17', '2025-03-18', 'ED', 'technologist', 0, 0, null],
      ['2025-W12', '2025-03-17', '2025-03-18', 'IMG', 'ct_scanner', 0, 0, null],
      ['2025-W12', '2025-03-17', '2025-03-18', 'IMG', 'technologist', 0, 0, null],
      ['2025-W12', '2025-03-17', '2025-03-18', 'RAD', 'ct_scanner', 45, 10, 45 / 600],
      ['2025-W12', '2025-03-17', '2025-03-18', 'RAD', 'technologist', 45, expect.closeTo(17, 9), expect.closeTo(45 / 1020, 12)],
    ]);
    // The CARD line (the 3rd) lies outside the range.
    expect(answer.meta.unprofiledLines).toBe(0);
  });

  it('converts FTEs with the inventory’s own productive hours', async () => {
    const inventories = [...MODEL.inventories, { department: 'IMG', resourceType: 'technologist', count: 1, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: 1820 }];
    expect((await t.request('PUT', `${BASE}/inventories`, { body: { rows: inventories } })).status).toBe(200);
    try {
      // 21 weekdays − the 17th = 20 working days (IMG's holiday, the 22nd, is a Saturday) × 1820 / 260 = 7 h → 140 h.
      const answer = await utilization('from=2025-03-01&to=2025-03-31&department=IMG&resourceType=technologist');
      expect(answer.rows.map(pick)).toEqual([['2025-03', 'IMG', 'technologist', 25, 1, expect.closeTo(140, 9), expect.closeTo(25 / 8400, 12)]]);
    } finally {
      await t.request('PUT', `${BASE}/inventories`, { body: { rows: MODEL.inventories } });
    }
  });

  it('shows a user limited to IMG only IMG, in rows, pools and the unprofiled count', async () => {
    const answer = await utilization('from=2025-03-01&to=2025-03-31', imgOnly);
    expect(answer.rows.map(pick)).toEqual([
      ['2025-03', 'IMG', 'ct_scanner', 20, 2, 48, 20 / 2880],
      ['2025-03', 'IMG', 'technologist', 25, 0, 0, null],
    ]);
    expect(answer.pooled.map((p) => [p.resourceType, p.departments, p.usedMinutes, p.availableHours])).toEqual([
      ['ct_scanner', ['IMG'], 20, 48],
      ['technologist', ['IMG'], 25, 0],
    ]);
    expect(answer.meta.unprofiledLines).toBe(0);
    // Asking for another department answers as if it had nothing.
    const other = await utilization('from=2025-03-01&to=2025-03-31&department=RAD', imgOnly);
    expect(other.rows).toEqual([]);
  });

  it('answers the same question again from the cache, and a profile edit at once', async () => {
    const first = await utilization('from=2025-03-01&to=2025-03-31&department=RAD&resourceType=ct_scanner');
    expect(first.rows[0]!.usedMinutes).toBe(198);
    const profiles = MODEL.profiles.map((p) => (p.code === '74177' && p.resourceType === 'ct_scanner' ? { ...p, minutes: 30 } : p));
    expect((await t.request('PUT', `${BASE}/profiles`, { body: { rows: profiles } })).status).toBe(200);
    try {
      // 74177 at 30 min: L1–L3 90, L4 60, L7 30, plus L5 33 and L9 45 = 258.
      const edited = await utilization('from=2025-03-01&to=2025-03-31&department=RAD&resourceType=ct_scanner');
      expect(edited.rows[0]!.usedMinutes).toBe(258);
    } finally {
      await t.request('PUT', `${BASE}/profiles`, { body: { rows: MODEL.profiles } });
    }
  });

  it('refuses bad parameters with a 400 that names them', async () => {
    for (const [query, parameter] of [
      ['grain=day', 'grain'],
      ['from=2025-04-01&to=2025-03-01', 'from'],
      ['from=2025-02-30', 'from'],
      ['resourceType=mri_scanner', 'resourceType'],
      ['resourceType=Bad Key', 'resourceType'],
      ['measure=minutes', 'measure'],
      ['from=2020-01-01&to=2025-01-01', 'to'],
    ] as const) {
      const response = await t.get(`${BASE}/utilization?${query}`);
      expect(`${query} ${response.status}`).toBe(`${query} 400`);
      expect(((await response.json()) as { message: string }).message.startsWith(`${parameter}: `)).toBe(true);
    }
  });
});
