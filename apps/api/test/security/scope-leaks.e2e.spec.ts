// DESIGN §7: a user limited to departments never sees another department's numbers — not in
// rows, totals, comparisons, drill-downs, import listings, rejections or error messages — and
// asking for another department answers as if it had no lines, exactly as for a department that
// does not exist. Every expected figure below is worked out by hand from the fixture (lines
// L1 … L15); none is read from the code under test. Each question is asked as is and with
// `Cache-Control: no-cache`, before and after the in-memory index is built, and once more
// through the service with each source forced, so the SQL (facts, rollups) and the in-memory
// paths all answer it.
import { tableFromIPC } from 'apache-arrow';
import type { AggregateResponse, AggregateRow, ApiErrorResponse, Role } from '@caseload/contracts';
import { parseAggregateQuery } from '../../src/modules/analytics/aggregate-query.js';
import type { SliceSource } from '../../src/modules/analytics/aggregate-sql.js';
import { AggregateService } from '../../src/modules/analytics/aggregate.service.js';
import { MemoryIndex } from '../../src/modules/analytics/memory-index/memory-index.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ARROW = 'application/vnd.apache.arrow.stream';
/** Each test below asks dozens of questions per user. */
const SLOW = 60_000;
const NPI_A = '1234567893'; // CARD only
const NPI_B = '1987654328'; // RAD only
const NPI_C = '1555555550'; // CARD and ORTH

// Sections: 99213 em; 93000, 93306 medicine; 71046, 74177 radiology; 27447, 20610 surgery;
// 80053, 85025 pathology_lab. P1 is seen in CARD and ORTH (and E07 has a line in each), P2 in
// CARD and RAD, P3 in RAD and LAB; provider C bills CARD and ORTH lines; 99213 is billed by
// CARD and ORTH.
const CSV = [
  'encounter_id,patient_id,service_date,department,code,units,place_of_service,payer_category,provider_npi,charge_amount,allowed_amount,paid_amount,claim_status',
  `SL-E01,PT5001,2023-02-10,CARD,99213,1,11,medicare,${NPI_A},100.00,80.00,60.00,paid`, //          L1
  `SL-E01,PT5001,2023-02-10,CARD,93000,1,11,medicare,${NPI_A},50.00,40.00,30.00,paid`, //           L2
  `SL-E02,PT5002,2023-05-03,CARD,93306,1,22,commercial,${NPI_A},400.00,300.00,0,denied`, //        L3
  `SL-E03,PT5001,2023-06-15,ORTH,27447,1,21,medicare,${NPI_C},5000.00,4000.00,3000.00,paid`, //    L4
  `SL-E04,PT5003,2023-07-01,RAD,71046,2,22,medicaid,${NPI_B},200.00,150.00,100.00,paid`, //        L5
  'SL-E05,PT5004,2023-09-09,LAB,80053,1,81,self_pay,,30.00,20.00,20.00,paid', //                    L6
  `SL-E06,PT5005,2023-11-20,ORTH,99213,1,11,commercial,${NPI_C},110.00,90.00,0,pending`, //        L7
  `SL-E07,PT5001,2024-02-12,CARD,99213,1,11,medicare,${NPI_C},100.00,80.00,60.00,paid`, //          L8
  `SL-E07,PT5001,2024-02-12,ORTH,20610,1,11,medicare,${NPI_C},150.00,100.00,80.00,paid`, //         L9
  `SL-E08,PT5002,2024-03-05,CARD,93306,1,22,commercial,${NPI_A},400.00,300.00,250.00,paid`, //     L10
  `SL-E09,PT5002,2024-03-05,RAD,74177,1,22,commercial,${NPI_B},900.00,600.00,500.00,paid`, //      L11
  `SL-E10,PT5006,2024-08-19,CARD,93000,3,22,medicaid,${NPI_A},150.00,120.00,0,denied`, //          L12
  'SL-E11,PT5003,2024-10-02,LAB,85025,1,81,medicaid,,25.00,15.00,15.00,paid', //                    L13
  `SL-E12,PT5007,2024-12-30,ORTH,27447,1,21,commercial,${NPI_C},6000.00,5000.00,0,pending`, //     L14
  `SL-E13,PT5003,2024-04-04,RAD,71046,1,22,medicare,${NPI_B},200.00,150.00,120.00,paid`, //        L15
].join('\n');

const WHOLE = 'from=2023-01-01&to=2024-12-31';
const YEAR_2024 = 'from=2024-01-01&to=2024-12-31';
const MEASURES = ['lines', 'units', 'encounters', 'patients', 'charges', 'allowed', 'paid', 'denial_rate'] as const;
const ALL = `measures=${MEASURES.join(',')}`;
type Figures = Record<(typeof MEASURES)[number], number | null>;

const ZERO: Figures = { lines: 0, units: 0, encounters: 0, patients: 0, charges: 0, allowed: 0, paid: 0, denial_rate: null };

// CARD = L1 L2 L3 L8 L10 L12: units 1+1+1+1+1+3 = 8; encounters E01 E02 E07 E08 E10; patients
// P1 P2 P6; charges 100+50+400+100+400+150 = 1200; allowed 80+40+300+80+300+120 = 920; paid
// 60+30+0+60+250+0 = 400; denied L3 L12 of 6 adjudicated.
const CARD: Figures = { lines: 6, units: 8, encounters: 5, patients: 3, charges: 1200, allowed: 920, paid: 400, denial_rate: 2 / 6 };
// CARD 2023 = L1 L2 L3: E01 E02, P1 P2, 100+50+400, 80+40+300, 60+30+0, L3 denied of 3.
const CARD_2023: Figures = { lines: 3, units: 3, encounters: 2, patients: 2, charges: 550, allowed: 420, paid: 90, denial_rate: 1 / 3 };
// CARD 2024 = L8 L10 L12: units 1+1+3; E07 E08 E10; P1 P2 P6; 100+400+150, 80+300+120, 60+250+0.
const CARD_2024: Figures = { lines: 3, units: 5, encounters: 3, patients: 3, charges: 650, allowed: 500, paid: 310, denial_rate: 1 / 3 };
// RAD 2023 = L5: 2 units, E04, P3.
const RAD_2023: Figures = { lines: 1, units: 2, encounters: 1, patients: 1, charges: 200, allowed: 150, paid: 100, denial_rate: 0 };
// RAD 2024 = L11 L15: E09 E13, P2 P3; 900+200, 600+150, 500+120.
const RAD_2024: Figures = { lines: 2, units: 2, encounters: 2, patients: 2, charges: 1100, allowed: 750, paid: 620, denial_rate: 0 };
// RAD = L5 L11 L15: units 2+1+1; patients P3 P2 P3 → 2.
const RAD: Figures = { lines: 3, units: 4, encounters: 3, patients: 2, charges: 1300, allowed: 900, paid: 720, denial_rate: 0 };
// CARD + RAD: 9 lines; encounters 5 + 3 (none shared); patients {P1 P2 P6} ∪ {P2 P3} = 4, not 3 + 2.
const CARD_RAD: Figures = { lines: 9, units: 12, encounters: 8, patients: 4, charges: 2500, allowed: 1820, paid: 1120, denial_rate: 2 / 9 };
// 2023: L1 L2 L3 L5 → P1 P2 P3; 2024: L8 L10 L12 L11 L15 → P1 P2 P6 P3.
const CARD_RAD_2023: Figures = { lines: 4, units: 5, encounters: 3, patients: 3, charges: 750, allowed: 570, paid: 190, denial_rate: 1 / 4 };
const CARD_RAD_2024: Figures = { lines: 5, units: 7, encounters: 5, patients: 4, charges: 1750, allowed: 1250, paid: 930, denial_rate: 1 / 5 };
// Everything: 15 lines, 13 encounters, 7 patients; charges 1200 + 1300 + ORTH (5000+110+150+6000)
// + LAB (30+25) = 13,815.
const EVERYTHING = { lines: 15, encounters: 13, patients: 7, charges: 13_815 };

interface Scope {
  name: string;
  departments: string[];
  others: string[];
  whole: Figures;
  byYear: Record<'2023' | '2024', Figures>;
  /** Per group-by, the labels this scope may see with its lines and charges (worked out by hand). */
  groups: Record<string, Record<string, [lines: number, charges: number]>>;
}

const SCOPES: Scope[] = [
  {
    name: 'CARD',
    departments: ['CARD'],
    others: ['RAD', 'ORTH', 'LAB'],
    whole: CARD,
    byYear: { '2023': CARD_2023, '2024': CARD_2024 },
    groups: {
      department: { CARD: [6, 1200] },
      // 99213 L1 L8; 93000 L2 L12; 93306 L3 L10 (ORTH's 99213, L7, is not CARD's).
      code: { '99213': [2, 200], '93000': [2, 200], '93306': [2, 800] },
      section: { em: [2, 200], medicine: [4, 1000] },
      // medicare L1 L2 L8; commercial L3 L10; medicaid L12.
      payer_category: { medicare: [3, 250], commercial: [2, 800], medicaid: [1, 150] },
      // 11: L1 L2 L8; 22: L3 L10 L12.
      place_of_service: { '11': [3, 250], '22': [3, 950] },
      // A: L1 L2 L3 L10 L12; C: L8 only (its ORTH lines L4 L7 L9 L14 are not CARD's).
      provider: { [NPI_A]: [5, 1100], [NPI_C]: [1, 100] },
      period: { '2023': [3, 550], '2024': [3, 650] },
    },
  },
  {
    name: 'CARD,RAD',
    departments: ['CARD', 'RAD'],
    others: ['ORTH', 'LAB'],
    whole: CARD_RAD,
    byYear: { '2023': CARD_RAD_2023, '2024': CARD_RAD_2024 },
    groups: {
      department: { CARD: [6, 1200], RAD: [3, 1300] },
      // 71046 L5 L15; 74177 L11.
      code: { '99213': [2, 200], '93000': [2, 200], '93306': [2, 800], '71046': [2, 400], '74177': [1, 900] },
      section: { em: [2, 200], medicine: [4, 1000], radiology: [3, 1300] },
      // medicare + L15; commercial + L11; medicaid + L5.
      payer_category: { medicare: [4, 450], commercial: [3, 1700], medicaid: [2, 350] },
      // 22: L3 L10 L12 L5 L11 L15.
      place_of_service: { '11': [3, 250], '22': [6, 2250] },
      provider: { [NPI_A]: [5, 1100], [NPI_B]: [3, 1300], [NPI_C]: [1, 100] },
      period: { '2023': [4, 750], '2024': [5, 1750] },
    },
  },
];

const DIMENSIONS = ['period', 'department', 'section', 'code', 'payer_category', 'place_of_service', 'provider'] as const;
const COMBINATIONS = [
  'period,department',
  'department,code',
  'section,payer_category',
  'code,provider',
  'place_of_service,payer_category,provider',
  'period,section,code',
  'period,department,section,code,payer_category,place_of_service,provider',
];
const ROLES: Role[] = ['analyst', 'viewer'];

interface ScopedUser {
  label: string;
  scope: Scope;
  role: Role;
  token: string;
}

/** The measures the answer carries (at least one) against the hand-worked figures. */
function expectFigures(actual: AggregateRow | Record<string, unknown>, expected: Figures, context: string): void {
  const present = MEASURES.filter((measure) => measure in actual);
  expect({ context, present: present.length > 0 }).toEqual({ context, present: true });
  for (const measure of present) {
    const value = actual[measure];
    const want = expected[measure];
    if (want === null || value === null || value === undefined) expect({ context, measure, value }).toEqual({ context, measure, value: want });
    else expect({ context, measure, value: Number((value as number).toFixed(6)) }).toEqual({ context, measure, value: Number(want.toFixed(6)) });
  }
}

/** The labels a row may carry for this scope: those of its own lines, by dimension. */
function expectOnlyOwnLabels(rows: readonly AggregateRow[], scope: Scope, context: string): void {
  for (const row of rows) {
    for (const dimension of DIMENSIONS) {
      if (!(dimension in row) || dimension === 'period') continue;
      expect({ context, dimension, label: row[dimension], allowed: Object.hasOwn(scope.groups[dimension]!, String(row[dimension])) }).toMatchObject({ allowed: true });
    }
  }
  const text = JSON.stringify(rows);
  for (const other of scope.others) expect({ context, mentions: text.includes(`"${other}"`) }).toEqual({ context, mentions: false });
}

function withoutSource(answer: AggregateResponse): AggregateResponse {
  const { source: _source, ...meta } = answer.meta;
  return { ...answer, meta };
}

describe('department scope never leaks another department (DESIGN §7)', () => {
  let t: TestApp;
  const users: ScopedUser[] = [];
  let adminImportId: number;
  const sources = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp();
    const status = await t.importCsv(CSV, 'scope.csv');
    if (status.status !== 'completed' || status.rowsLoaded !== 15) throw new Error(`the fixture did not load whole: ${JSON.stringify(status)}`);
    adminImportId = status.id;
    for (const scope of SCOPES) {
      for (const role of ROLES) {
        const email = `${role}.${scope.departments.join('-').toLowerCase()}@example.test`;
        const { token } = await t.createUser({ email, password: `${role}-scoped-password`, role, departments: scope.departments });
        users.push({ label: `${role} [${scope.name}]`, scope, role, token });
      }
    }
  }, 60_000);
  afterAll(() => t.close());

  async function ask(user: ScopedUser | null, query: string, headers: Record<string, string> = {}): Promise<AggregateResponse> {
    const response = await t.request('GET', `/api/v1/aggregate?${query}`, { token: user?.token, headers });
    if (response.status !== 200) throw new Error(`${user?.label ?? 'admin'} ${query} answered ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as AggregateResponse;
    if (answer.meta.source !== undefined) sources.add(answer.meta.source);
    return answer;
  }

  /** The answer as asked and computed again (no-cache); both must be the same. */
  async function askBothWays(user: ScopedUser, query: string): Promise<AggregateResponse> {
    const asked = await ask(user, query);
    const fresh = await ask(user, query, { 'Cache-Control': 'no-cache' });
    expect({ query, answer: withoutSource(fresh) }).toEqual({ query, answer: withoutSource(asked) });
    return fresh;
  }

  it('the fixture holds every department, so a zero below is the scope at work', async () => {
    const answer = await ask(null, `${WHOLE}&measures=lines,encounters,patients,charges&groupBy=department`);
    expect(answer.totals).toEqual(EVERYTHING);
    expect(answer.rows.map((row) => row['department']).sort()).toEqual(['CARD', 'LAB', 'ORTH', 'RAD']);
  });

  describe.each(['before the in-memory index is built', 'with the in-memory index warm'])('%s', (phase) => {
    beforeAll(async () => {
      if (phase.startsWith('with')) await t.app.get(MemoryIndex).warm();
    }, SLOW);

    it('totals of every measure are the sum over the own departments', async () => {
      for (const user of users) {
        const answer = await askBothWays(user, `${WHOLE}&${ALL}`);
        expectFigures(answer.totals, user.scope.whole, `${user.label} totals`);
        expect(answer.rows).toHaveLength(1);
        expectFigures(answer.rows[0]!, user.scope.whole, `${user.label} row`);
      }
    }, SLOW);

    it('every measure by year and by department matches the hand-worked figures', async () => {
      for (const user of users) {
        const byYear = await askBothWays(user, `${WHOLE}&${ALL}&groupBy=period&grain=year`);
        expect(byYear.rows.map((row) => row['period'])).toEqual(['2023', '2024']);
        expectFigures(byYear.rows[0]!, user.scope.byYear['2023'], `${user.label} 2023`);
        expectFigures(byYear.rows[1]!, user.scope.byYear['2024'], `${user.label} 2024`);
        expectFigures(byYear.totals, user.scope.whole, `${user.label} totals by year`);

        const byDepartment = await askBothWays(user, `${WHOLE}&${ALL}&groupBy=department`);
        expect(byDepartment.rows.map((row) => row['department']).sort()).toEqual(user.scope.departments);
        const card = byDepartment.rows.find((row) => row['department'] === 'CARD')!;
        expectFigures(card, CARD, `${user.label} CARD row`);
        if (user.scope.departments.includes('RAD')) expectFigures(byDepartment.rows.find((row) => row['department'] === 'RAD')!, RAD, `${user.label} RAD row`);
        expectFigures(byDepartment.totals, user.scope.whole, `${user.label} totals by department`);
      }
    }, SLOW);

    it('each group-by shows only the own lines, with their exact lines and charges', async () => {
      for (const user of users) {
        for (const dimension of DIMENSIONS) {
          const grain = dimension === 'period' ? '&grain=year' : '';
          const answer = await askBothWays(user, `${WHOLE}&measures=lines,charges,patients&groupBy=${dimension}${grain}`);
          const context = `${user.label} by ${dimension}`;
          const got = Object.fromEntries(answer.rows.map((row) => [String(row[dimension]), [row['lines'], row['charges']]]));
          expect({ context, got }).toEqual({ context, got: user.scope.groups[dimension] });
          expect({ context, totals: answer.totals }).toEqual({ context, totals: { lines: user.scope.whole.lines, charges: user.scope.whole.charges, patients: user.scope.whole.patients } });
          expectOnlyOwnLabels(answer.rows, user.scope, context);
        }
      }
    }, SLOW);

    it('counts a patient or encounter shared with another department once, and only through the own lines', async () => {
      const card = users.find((user) => user.scope.name === 'CARD')!;
      // Provider C: for CARD only L8 (E07, P1); unscoped it is L4 L7 L8 L9 L14 (E03 E06 E07 E12; P1 P5 P7).
      const byProvider = await askBothWays(card, `${WHOLE}&measures=lines,encounters,patients&groupBy=provider`);
      expect(byProvider.rows.find((row) => row['provider'] === NPI_C)).toEqual({ provider: NPI_C, lines: 1, encounters: 1, patients: 1 });
      const unscoped = await ask(null, `${WHOLE}&measures=lines,encounters,patients&groupBy=provider`);
      expect(unscoped.rows.find((row) => row['provider'] === NPI_C)).toEqual({ provider: NPI_C, lines: 5, encounters: 4, patients: 3 });
      // 2024-02-12: E07 has a CARD line (L8) and an ORTH line (L9), both P1.
      for (const user of users) {
        const day = await askBothWays(user, 'from=2024-02-12&to=2024-02-12&measures=lines,encounters,patients&groupBy=department');
        expect(day.rows).toEqual([{ department: 'CARD', lines: 1, encounters: 1, patients: 1 }]);
        expect(day.totals).toEqual({ lines: 1, encounters: 1, patients: 1 });
      }
    }, SLOW);

    it('combinations of group-bys add up to the own totals and name nothing else', async () => {
      for (const user of users) {
        for (const groupBy of COMBINATIONS) {
          const answer = await askBothWays(user, `${WHOLE}&measures=lines,charges,encounters&groupBy=${groupBy}&grain=quarter`);
          const context = `${user.label} by ${groupBy}`;
          expectOnlyOwnLabels(answer.rows, user.scope, context);
          const lines = answer.rows.reduce((sum, row) => sum + (row['lines'] as number), 0);
          const charges = answer.rows.reduce((sum, row) => sum + (row['charges'] as number), 0);
          expect({ context, lines, charges }).toEqual({ context, lines: user.scope.whole.lines, charges: user.scope.whole.charges });
          expect({ context, totals: answer.totals }).toEqual({ context, totals: { lines: user.scope.whole.lines, charges: user.scope.whole.charges, encounters: user.scope.whole.encounters } });
        }
      }
    }, SLOW);

    it('a filter on another department answers exactly as one on a department that does not exist: zeros', async () => {
      for (const user of users) {
        for (const other of user.scope.others) {
          // Same length, so nothing but existence could tell the answers apart.
          const unknown = 'Z'.repeat(other.length);
          for (const rest of [`${ALL}`, `${ALL}&groupBy=department`, `${ALL}&groupBy=period&grain=month`, `measures=lines,patients&groupBy=code,provider`, `${ALL}&compare=previous_year`]) {
            const query = (department: string) => `${WHOLE}&${rest}&department=${department}`;
            const asOther = await askBothWays(user, query(other));
            const asUnknown = await askBothWays(user, query(unknown));
            const context = `${user.label} department=${other} ${rest}`;
            expect({ context, answer: withoutSource(asOther) }).toEqual({ context, answer: withoutSource(asUnknown) });
            expectFigures(asOther.totals, ZERO, context);
            expectOnlyOwnLabels(asOther.rows, user.scope, context);
            for (const row of asOther.rows) expect({ context, lines: row['lines'] }).toEqual({ context, lines: 0 });
          }
        }
      }
    }, SLOW);

    it('an own department listed with another one answers for the own department only', async () => {
      for (const user of users) {
        for (const other of user.scope.others) {
          const mixed = await askBothWays(user, `${WHOLE}&${ALL}&groupBy=department&department=CARD,${other}`);
          const unknown = await askBothWays(user, `${WHOLE}&${ALL}&groupBy=department&department=CARD,${'Z'.repeat(other.length)}`);
          const own = await askBothWays(user, `${WHOLE}&${ALL}&groupBy=department&department=CARD`);
          expect(withoutSource(mixed)).toEqual(withoutSource(own));
          expect(withoutSource(unknown)).toEqual(withoutSource(own));
          expect(mixed.rows.map((row) => row['department'])).toEqual(['CARD']);
          expectFigures(mixed.totals, CARD, `${user.label} department=CARD,${other}`);
        }
      }
      // CARD,RAD asking for RAD and ORTH gets RAD alone.
      for (const user of users.filter((u) => u.scope.name === 'CARD,RAD')) {
        const answer = await askBothWays(user, `${WHOLE}&${ALL}&department=RAD,ORTH`);
        expectFigures(answer.totals, RAD, `${user.label} department=RAD,ORTH`);
      }
      // A CARD user asking for RAD (a department of another user's scope) gets zeros too.
      for (const user of users.filter((u) => u.scope.name === 'CARD')) {
        expectFigures((await askBothWays(user, `${WHOLE}&${ALL}&department=RAD`)).totals, ZERO, `${user.label} department=RAD`);
      }
    }, SLOW);

    it('filters that only another department matches answer zeros, like values nobody uses', async () => {
      for (const user of users) {
        const pairs: Array<[string, string]> = [
          ['code=27447', 'code=27446'], // ORTH only / unused
          ['code=80053', 'code=80054'], // LAB only / unused
          ['code=20610,85025', 'code=20611,85026'],
          ['section=surgery', 'section=category_iii'],
          ['section=pathology_lab', 'section=anesthesia'],
          ['payer_category=self_pay', 'payer_category=other'],
          ['place_of_service=81', 'place_of_service=99'],
          ['place_of_service=21', 'place_of_service=98'],
        ];
        if (user.scope.name === 'CARD') pairs.push(['code=71046,74177', 'code=71047,74178'], ['section=radiology', 'section=hcpcs_ii']);
        for (const [only, unused] of pairs) {
          for (const groupBy of ['', '&groupBy=department', '&groupBy=provider', '&groupBy=period&grain=year']) {
            const asOnly = await askBothWays(user, `${WHOLE}&${ALL}&${only}${groupBy}`);
            const asUnused = await askBothWays(user, `${WHOLE}&${ALL}&${unused}${groupBy}`);
            const context = `${user.label} ${only}${groupBy}`;
            expect({ context, answer: withoutSource(asOnly) }).toEqual({ context, answer: withoutSource(asUnused) });
            expectFigures(asOnly.totals, ZERO, context);
          }
        }
        // 99213 is billed by CARD (L1 L8) and ORTH (L7): only CARD's count.
        const shared = await askBothWays(user, `${WHOLE}&${ALL}&code=99213&groupBy=department`);
        expect(shared.rows.map((row) => [row['department'], row['lines'], row['charges'], row['patients']])).toEqual([['CARD', 2, 200, 1]]);
        // Drill-down: CARD, medicine, by code and month: L2 (93000, 2023-02), L3 (93306, 2023-05), L10 (93306, 2024-03), L12 (93000, 2024-08).
        const drill = await askBothWays(user, `${WHOLE}&measures=lines,charges&department=CARD&section=medicine&groupBy=period,code&grain=month`);
        const active = drill.rows.filter((row) => (row['lines'] as number) > 0).map((row) => [row['period'], row['code'], row['charges']]);
        expect(active).toEqual([
          ['2023-02', '93000', 50],
          ['2023-05', '93306', 400],
          ['2024-03', '93306', 400],
          ['2024-08', '93000', 150],
        ]);
      }
    }, SLOW);

    it('comparisons with the previous year and period count only the own lines', async () => {
      for (const user of users) {
        const previousYear = await askBothWays(user, `${YEAR_2024}&${ALL}&compare=previous_year&groupBy=department`);
        const expectCompared = (actual: Record<string, unknown>, now: Figures, before: Figures, context: string) => {
          expectFigures(actual, now, context);
          expectFigures(Object.fromEntries(MEASURES.map((m) => [m, actual[`${m}_compare`]])), before, `${context} (compare)`);
        };
        expectCompared(previousYear.rows.find((row) => row['department'] === 'CARD')!, CARD_2024, CARD_2023, `${user.label} CARD previous_year`);
        if (user.scope.name === 'CARD,RAD') expectCompared(previousYear.rows.find((row) => row['department'] === 'RAD')!, RAD_2024, RAD_2023, `${user.label} RAD previous_year`);
        expect(previousYear.rows.map((row) => row['department']).sort()).toEqual(user.scope.departments);
        expectCompared(previousYear.totals, user.scope.byYear['2024'], user.scope.byYear['2023'], `${user.label} totals previous_year`);

        // By year, previous_period compares 2024 with the whole of 2023; the totals with the 366
        // days before 2024-01-01 (2022-12-31 … 2023-12-31), which hold the same lines.
        const previousPeriod = await askBothWays(user, `${YEAR_2024}&${ALL}&compare=previous_period&groupBy=period&grain=year`);
        expect(previousPeriod.rows).toHaveLength(1);
        expectCompared(previousPeriod.rows[0]!, user.scope.byYear['2024'], user.scope.byYear['2023'], `${user.label} 2024 previous_period`);
        expectCompared(previousPeriod.totals, user.scope.byYear['2024'], user.scope.byYear['2023'], `${user.label} totals previous_period`);

        // By code, 2024 against 2023 (CARD: 99213 L8/L1, 93000 L12/L2, 93306 L10/L3).
        const byCode = await askBothWays(user, `${YEAR_2024}&measures=lines,charges&compare=previous_year&groupBy=code`);
        expectOnlyOwnLabels(byCode.rows, user.scope, `${user.label} code previous_year`);
        const card = Object.fromEntries(byCode.rows.filter((row) => ['99213', '93000', '93306'].includes(row['code'] as string)).map((row) => [row['code'], [row['lines'], row['lines_compare'], row['charges'], row['charges_compare']]]));
        expect(card).toEqual({ '99213': [1, 1, 100, 100], '93000': [1, 1, 150, 50], '93306': [1, 1, 400, 400] });
        expect(byCode.totals).toEqual({ lines: user.scope.byYear['2024'].lines, lines_compare: user.scope.byYear['2023'].lines, charges: user.scope.byYear['2024'].charges, charges_compare: user.scope.byYear['2023'].charges });
      }
    }, SLOW);

    it('orderBy and limit pick among the own rows, and the totals stay the own totals', async () => {
      for (const user of users) {
        const top = await askBothWays(user, `${WHOLE}&measures=lines,charges&groupBy=code&orderBy=-charges&limit=1`);
        // Unscoped the top code would be 27447 (ORTH, 11,000); CARD's is 93306 (800), CARD+RAD's 74177 (900).
        expect(top.rows).toEqual([user.scope.name === 'CARD' ? { code: '93306', lines: 2, charges: 800 } : { code: '74177', lines: 1, charges: 900 }]);
        expect(top.totals).toEqual({ lines: user.scope.whole.lines, charges: user.scope.whole.charges });
        expect(top.meta.rowCount).toBe(1);
        const bottom = await askBothWays(user, `${WHOLE}&measures=patients&groupBy=provider&orderBy=patients&limit=2`);
        expectOnlyOwnLabels(bottom.rows, user.scope, `${user.label} providers by patients`);
        expect(bottom.totals).toEqual({ patients: user.scope.whole.patients });
      }
    }, SLOW);

    it('answers Arrow with the same own rows', async () => {
      for (const user of users) {
        for (const groupBy of ['department', 'code', 'provider', 'period,department,payer_category']) {
          const query = `${WHOLE}&measures=lines,charges,patients&groupBy=${groupBy}&grain=year`;
          const json = await askBothWays(user, query);
          for (const headers of [{ Accept: ARROW }, { Accept: ARROW, 'Cache-Control': 'no-cache' }] as Array<Record<string, string>>) {
            const response = await t.request('GET', `/api/v1/aggregate?${query}`, { token: user.token, headers });
            expect(response.status).toBe(200);
            const rows = tableFromIPC(new Uint8Array(await response.arrayBuffer()))
              .toArray()
              .map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
            const context = `${user.label} Arrow by ${groupBy}`;
            expect({ context, rows }).toEqual({ context, rows: json.rows });
            expectOnlyOwnLabels(rows as AggregateRow[], user.scope, context);
            expect({ context, lines: rows.reduce((sum, row) => sum + (row['lines'] as number), 0) }).toEqual({ context, lines: user.scope.whole.lines });
          }
        }
        const other = user.scope.others[0]!;
        const arrowOf = async (department: string) =>
          Buffer.from(await (await t.request('GET', `/api/v1/aggregate?${WHOLE}&measures=lines&groupBy=department&department=${department}`, { token: user.token, headers: { Accept: ARROW } })).arrayBuffer());
        expect((await arrowOf(other)).equals(await arrowOf('Z'.repeat(other.length)))).toBe(true);
      }
    }, SLOW);

    it('a bad parameter is refused the same way whether it names another department or none that exists', async () => {
      const bad = ['measures=nope', 'groupBy=nope', 'grain=decade', 'from=2024-02-30', 'code=NOPE', 'orderBy=-nope', 'limit=0', 'compare=never', 'section=nope', 'payer_category=nope', 'place_of_service=7', 'unknown=1'];
      for (const user of users) {
        for (const other of user.scope.others) {
          const unknown = 'Z'.repeat(other.length);
          const withDepartment = [...bad.map((b) => `${b}&department=${other}`), `department=${other}${'x'.repeat(40)}`, `groupBy=${other}`, `orderBy=${other}`, `department=${other}&department=${other}`];
          for (const query of withDepartment) {
            const asOther = await t.request('GET', `/api/v1/aggregate?${WHOLE}&${query}`, { token: user.token });
            const asUnknown = await t.request('GET', `/api/v1/aggregate?${WHOLE}&${query.replaceAll(other, unknown)}`, { token: user.token });
            const body = (await asOther.json()) as ApiErrorResponse;
            const unknownBody = (await asUnknown.json()) as ApiErrorResponse;
            const context = `${user.label} ${query}`;
            expect({ context, status: asOther.status }).toEqual({ context, status: 400 });
            expect({ context, body: { ...body, message: body.message.replaceAll(other, unknown) } }).toEqual({ context, body: unknownBody });
            // Nothing in the message names a department the user did not write.
            for (const name of user.scope.others.filter((o) => o !== other)) expect({ context, mentions: body.message.includes(name) }).toEqual({ context, mentions: false });
          }
        }
      }
    }, SLOW);
  });

  describe('every source of the engine, forced, applies the scope', () => {
    const cases: Array<{ query: string; sources: SliceSource[] }> = [
      { query: `${WHOLE}&${ALL}`, sources: ['facts', 'memory'] },
      { query: `${WHOLE}&${ALL}&groupBy=period,department&grain=year`, sources: ['facts', 'memory'] },
      { query: `${WHOLE}&measures=lines,units,charges,allowed,paid,denial_rate&groupBy=section,payer_category,place_of_service`, sources: ['facts', 'rollup_month'] },
      { query: `${WHOLE}&measures=lines,units,charges,allowed,paid,denial_rate&groupBy=department,code`, sources: ['facts', 'rollup_month_code'] },
      { query: `${WHOLE}&measures=lines,charges&groupBy=department&department=CARD,ORTH,LAB`, sources: ['facts', 'rollup_month', 'memory'] },
      { query: `${YEAR_2024}&measures=lines,charges&compare=previous_year&groupBy=section`, sources: ['facts', 'rollup_month', 'memory'] },
      { query: `${WHOLE}&${ALL}&groupBy=provider`, sources: ['facts'] },
    ];

    it('gives each scoped user the same answer from every source as over HTTP', async () => {
      await t.app.get(MemoryIndex).warm();
      const service = t.app.get(AggregateService);
      for (const scope of SCOPES) {
        const user = users.find((u) => u.scope === scope)!;
        for (const { query, sources: forced } of cases) {
          const over = withoutSource(await ask(user, query, { 'Cache-Control': 'no-cache' }));
          expectOnlyOwnLabels(over.rows, scope, `${scope.name} ${query}`);
          const parsed = parseAggregateQuery(Object.fromEntries(new URLSearchParams(query)), '2025-06-30');
          for (const source of forced) {
            const answer = withoutSource(await service.aggregate(parsed, scope.departments, { source }));
            expect({ scope: scope.name, query, source, answer }).toEqual({ scope: scope.name, query, source, answer: over });
          }
        }
      }
    }, SLOW);

    it('has answered through the database and the in-memory index', () => {
      expect(sources.has('memory')).toBe(true);
      expect(sources.has('facts')).toBe(true);
    }, SLOW);
  });

  describe('imports', () => {
    it('lists to a scoped user only the imports they created: none', async () => {
      for (const user of users) {
        const response = await t.request('GET', '/api/v1/imports', { token: user.token });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ rows: [] });
      }
    }, SLOW);

    it("answers an admin's import exactly as a missing one, with its rejections too", async () => {
      const missing = adminImportId + 1000;
      for (const user of users) {
        for (const suffix of ['', '/rejections', '/rejections?format=csv']) {
          const existing = await t.request('GET', `/api/v1/imports/${adminImportId}${suffix}`, { token: user.token });
          const absent = await t.request('GET', `/api/v1/imports/${missing}${suffix}`, { token: user.token });
          const context = `${user.label} /imports/:id${suffix}`;
          // Viewers may not read rejections at all (403 either way); otherwise both are 404.
          const status = suffix !== '' && user.role === 'viewer' ? 403 : 404;
          expect({ context, status: existing.status }).toEqual({ context, status });
          expect({ context, status: absent.status }).toEqual({ context, status });
          const existingBody = (await existing.text()).replaceAll(String(adminImportId), 'ID');
          const absentBody = (await absent.text()).replaceAll(String(missing), 'ID');
          expect({ context, body: existingBody }).toEqual({ context, body: absentBody });
          expect(existingBody).not.toMatch(/CARD|RAD|ORTH|LAB|scope\.csv/);
        }
      }
    }, SLOW);
  });
});
