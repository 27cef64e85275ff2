// GET /api/v1/reimbursement/what-if and /denial-reasons on a hand-worked fixture, from the
// monthly rollups (held in memory, and read from their tables) and from the facts, before and
// after an import replaces a line; the CARC
// list upload (POST /reimbursement/denial-codes) and a department-limited user.
//
// Shipped 2025 schedule, national GPCIs 1.0, CF 32.3465; fee = RVU sum × CF rounded to the cent.
//   99213 POS 11: 1.30 + 1.35 + 0.10 = 2.75  → 88.952875 → $88.95; with CF 33.4009: 91.852475 → $91.85
//   99213 POS 22: 1.30 + 0.57 + 0.10 = 1.97  → 63.722605 → $63.72; with CF 33.4009: 65.799773 → $65.80
//   71046-26:     0.22 + 0.08 + 0.01 = 0.31  → 10.027415 → $10.03; with CF 33.4009: 10.354279 → $10.35
//   71046-TC:     0.00 + 0.69 + 0.01 = 0.70  → 22.64255  → $22.64; with CF 33.4009: 23.38063  → $23.38
// Work RVUs +10% (CF as loaded): 99213 work 1.43 → POS 11 2.88 × 32.3465 = 93.15792 → $93.16,
//   POS 22 2.10 × 32.3465 = 67.92765 → $67.93; 71046-26 work 0.242 → 0.24: 0.33 × 32.3465 = 10.674345 → $10.67;
//   71046-TC work 0 stays 0: $22.64.
import type { DenialReasonsResponse, WhatIfResponse } from '@caseload/contracts';
import { MemoryIndex } from '../../src/modules/analytics/memory-index/memory-index.service.js';
import { ReimbursementAnalysisService } from '../../src/modules/reimbursement/reimbursement-analysis.service.js';
import { parseDenialReasonsQuery, parseWhatIfQuery } from '../../src/modules/reimbursement/reimbursement-query.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HEADER = 'encounter_id,patient_id,service_date,department,code,modifiers,units,place_of_service,payer_category,charge_amount,claim_status,denial_reason\n';
const LINES =
  HEADER +
  'E1,P1,2025-03-03,CARD,99213,,1,11,medicare,150.00,paid,\n' +
  'E2,P2,2025-03-04,CARD,99213,,2,22,commercial,300.00,denied,CO-50\n' +
  'E3,P3,2025-03-05,RAD,71046,26,1,22,medicare,80.00,denied,50\n' +
  'E4,P3,2025-03-05,RAD,71046,TC,1,11,medicare,120.00,denied,PR-204\n' +
  'E5,P4,2025-03-06,RAD,99999,,1,11,self_pay,40.00,denied,\n';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe('reimbursement what-if and denial reasons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_TIMEZONE: 'UTC' });
    expect((await t.importCsv(LINES)).rowsLoaded).toBe(5);
    await t.app.get(MemoryIndex).warm();
  }, 60_000);
  afterAll(() => t.close());

  /** The same questions answered from memory (through HTTP) and from the rollup tables. */
  async function expectMemoryMatchesTables(questions: Array<Record<string, string>>): Promise<void> {
    const service = t.app.get(ReimbursementAnalysisService);
    const today = '2026-11-27';
    for (const params of questions) {
      const fromMemory = await whatIf(params);
      const fromTable = await service.whatIf(parseWhatIfQuery(params, today), null, { fresh: true, memory: false });
      expect({ params, source: fromMemory.meta.source }).toEqual({ params, source: 'memory' });
      expect(fromTable.meta.source).toBe('rollup_month_price');
      expect({ params, ...fromMemory, meta: { ...fromMemory.meta, source: null } }).toEqual({ params, ...fromTable, meta: { ...fromTable.meta, source: null } });

      const { conversion_factor: _cf, ...slice } = params;
      const deniedInMemory = await denials(slice);
      const deniedInTable = await service.denialReasons(parseDenialReasonsQuery(slice, today), null, { fresh: true, memory: false });
      expect(deniedInMemory.meta.source).toBe('memory');
      expect(deniedInTable.meta.source).toBe('rollup_month_denial');
      expect({ slice, ...deniedInMemory, meta: { ...deniedInMemory.meta, source: null } }).toEqual({ slice, ...deniedInTable, meta: { ...deniedInTable.meta, source: null } });
    }
  }

  const ROLLUP_QUESTIONS = [
    { ...MARCH, conversion_factor: '33.4009' },
    { from: '2025-01-01', to: '2025-12-31', conversion_factor: '33.5675' },
    { ...MARCH, department: 'RAD' },
    { ...MARCH, section: 'em,radiology', department: 'CARD,RAD,NOPE' },
    { ...MARCH, department: 'NOPE' },
    { from: '2025-04-01', to: '2025-06-30' },
  ];

  it('answers whole months from the rollups held in memory, as their tables do', async () => {
    await expectMemoryMatchesTables(ROLLUP_QUESTIONS);
  });

  const whatIf = (params: Record<string, string>) => t.getJson<WhatIfResponse>(`/api/v1/reimbursement/what-if?${new URLSearchParams(params)}`);
  const denials = (params: Record<string, string>) => t.getJson<DenialReasonsResponse>(`/api/v1/reimbursement/denial-reasons?${new URLSearchParams(params)}`);

  it('prices the lines again under another conversion factor, by department and section', async () => {
    const answer = await whatIf({ ...MARCH, conversion_factor: '33.4009' });
    expect(answer.meta.source).toBe('memory');
    expect(answer.byDepartment).toEqual([
      // CARD: 88.95 + 2 × 63.72 = 216.39 → 91.85 + 2 × 65.80 = 223.45
      { key: 'CARD', units: 3, current: 216.39, scenario: 223.45, change: 7.06, changeRatio: expect.closeTo(706 / 21639, 10) },
      // RAD: 10.03 + 22.64 = 32.67 → 10.35 + 23.38 = 33.73 (99999 has no price: unpriced, not here)
      { key: 'RAD', units: 2, current: 32.67, scenario: 33.73, change: 1.06, changeRatio: expect.closeTo(106 / 3267, 10) },
    ]);
    expect(answer.bySection.map((row) => [row.key, row.current, row.scenario])).toEqual([
      ['em', 216.39, 223.45],
      ['radiology', 32.67, 33.73],
    ]);
    expect(answer.totals).toMatchObject({ units: 5, current: 249.06, scenario: 257.18, change: 8.12 });
    expect(answer.meta.conversionFactors).toEqual([{ year: 2025, current: 32.3465, scenario: 33.4009 }]);
    expect(answer.meta.unpriced).toBe(1);
  });

  it('changes the work RVUs by a percentage', async () => {
    const answer = await whatIf({ ...MARCH, work_rvu_percent: '10' });
    // CARD: 93.16 + 2 × 67.93 = 229.02; RAD: 10.67 + 22.64 = 33.31
    expect(answer.byDepartment.map((row) => [row.key, row.current, row.scenario])).toEqual([
      ['CARD', 216.39, 229.02],
      ['RAD', 32.67, 33.31],
    ]);
    expect(answer.totals.scenario).toBe(262.33);
  });

  it('with no change, the scenario is the schedule as loaded, and "current" is the expected_payment measure', async () => {
    const answer = await whatIf(MARCH);
    expect(answer.totals.current).toBe(answer.totals.scenario);
    const aggregate = await t.getJson<{ totals: { expected_payment: number } }>(`/api/v1/aggregate?${new URLSearchParams({ ...MARCH, measures: 'expected_payment' })}`);
    expect(aggregate.totals.expected_payment).toBe(249.06);
  });

  it('reads the facts for part of a month or a filter the rollup lacks, with the same prices', async () => {
    // 2025-03-04..05: E2, E3, E4.
    const part = await whatIf({ from: '2025-03-04', to: '2025-03-05', conversion_factor: '33.4009' });
    expect(part.meta.source).toBe('facts');
    expect(part.byDepartment.map((row) => [row.key, row.current, row.scenario])).toEqual([
      ['RAD', 32.67, 33.73],
      ['CARD', 127.44, 131.6],
    ].sort((a, b) => (b[1] as number) - (a[1] as number)));
    // medicare: E1, E3, E4.
    const medicare = await whatIf({ ...MARCH, payer_category: 'medicare', conversion_factor: '33.4009' });
    expect(medicare.meta.source).toBe('facts');
    // 88.95 + 32.67 = 121.62; 91.85 + 33.73 = 125.58
    expect(medicare.totals).toMatchObject({ current: 121.62, scenario: 125.58 });
  });

  it('lists the top denial reasons by CARC, with shares of all denied lines', async () => {
    const answer = await denials(MARCH);
    expect(answer.meta.source).toBe('memory');
    // 50: E2 (CO-50, $300) and E3 (50, $80); 204: E4 ($120); none given: E5 ($40).
    expect(answer.rows).toEqual([
      { carc: '50', description: null, deniedLines: 2, share: 0.5, deniedCharges: 380 },
      { carc: '', description: null, deniedLines: 1, share: 0.25, deniedCharges: 40 },
      { carc: '204', description: null, deniedLines: 1, share: 0.25, deniedCharges: 120 },
    ]);
    expect(answer.totals).toEqual({ deniedLines: 4, deniedCharges: 540, reasons: 3 });

    const top = await denials({ ...MARCH, limit: '1' });
    expect(top.rows.map((row) => row.carc)).toEqual(['50']);
    expect(top.totals.deniedLines).toBe(4);

    const medicare = await denials({ ...MARCH, payer_category: 'medicare' });
    expect(medicare.rows.map((row) => [row.carc, row.deniedLines])).toEqual([['204', 1], ['50', 1]]);

    const byCode = await denials({ ...MARCH, code: '71046' });
    expect(byCode.meta.source).toBe('facts');
    expect(byCode.rows.map((row) => [row.carc, row.deniedLines, row.deniedCharges])).toEqual([['204', 1, 120], ['50', 1, 80]]);
  });

  it('shows CARC descriptions once the list is loaded; a bad list names its row and changes nothing', async () => {
    const loaded = await t.post('/api/v1/reimbursement/denial-codes', 'code,description\n50,"Test text fifty.Start: 01/01/1995"\n204,Test text two hundred four\n');
    expect(loaded.status).toBe(200);
    expect(await loaded.json()).toEqual({ codes: 2 });
    const answer = await denials(MARCH);
    expect(answer.rows.map((row) => [row.carc, row.description])).toEqual([
      ['50', 'Test text fifty.'],
      ['', null],
      ['204', 'Test text two hundred four'],
    ]);
    expect(answer.meta.descriptionsLoaded).toBe(2);

    const bad = await t.post('/api/v1/reimbursement/denial-codes', 'code,description\n45,ok\nnot a code,bad\n');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/row 3, column code/);
    expect((await denials(MARCH)).meta.descriptionsLoaded).toBe(2);

    const log = await t.getJson<{ entries: { action: string; details: { codes?: number } }[] }>('/api/v1/audit?action=denial_codes.load');
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]!.details.codes).toBe(2);
  });

  it('refuses bad parameters with a message that names them', async () => {
    for (const [query, name] of [
      ['conversion_factor=abc', 'conversion_factor'],
      ['conversion_factor=0', 'conversion_factor'],
      ['conversion_factor=33.12345', 'conversion_factor'],
      ['work_rvu_percent=-101', 'work_rvu_percent'],
      ['measures=lines', 'measures'],
      ['from=2025-13-01', 'from'],
    ] as const) {
      const response = await t.get(`/api/v1/reimbursement/what-if?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message.startsWith(`${name}:`)).toBe(true);
    }
    const limit = await t.get('/api/v1/reimbursement/denial-reasons?limit=0');
    expect(limit.status).toBe(400);
    expect(((await limit.json()) as { message: string }).message).toMatch(/^limit:/);
  });

  it('shows a department-limited user only their departments', async () => {
    const { token } = await t.createUser({ email: 'card@example.test', password: 'a long enough password', role: 'viewer', departments: ['CARD'] });
    const ifResponse = await t.request('GET', `/api/v1/reimbursement/what-if?${new URLSearchParams({ ...MARCH, conversion_factor: '33.4009' })}`, { token });
    const scoped = (await ifResponse.json()) as WhatIfResponse;
    expect(scoped.byDepartment.map((row) => row.key)).toEqual(['CARD']);
    expect(scoped.totals.current).toBe(216.39);
    const denied = (await (await t.request('GET', `/api/v1/reimbursement/denial-reasons?${new URLSearchParams(MARCH)}`, { token })).json()) as DenialReasonsResponse;
    expect(denied.rows.map((row) => [row.carc, row.deniedLines])).toEqual([['50', 1]]);
    expect(denied.totals.deniedLines).toBe(1);
  });

  it('keeps the rollups exact when an import replaces a line', async () => {
    // E2 again, now at POS 11 and paid: CARD = 88.95 + 2 × 88.95 = 266.85; with CF 33.4009 3 × 91.85 = 275.55.
    const replaced = await t.importCsv(HEADER + 'E2,P2,2025-03-04,CARD,99213,,2,11,commercial,300.00,paid,\n');
    expect(replaced.rowsLoaded).toBe(1);
    const fromRollup = await whatIf({ ...MARCH, conversion_factor: '33.4009' });
    expect(fromRollup.byDepartment[0]).toMatchObject({ key: 'CARD', units: 3, current: 266.85, scenario: 275.55 });
    // The facts (a filter on every place of service used) agree with the rollup.
    const fromFacts = await whatIf({ ...MARCH, conversion_factor: '33.4009', place_of_service: '11,22' });
    expect(fromFacts.meta.source).toBe('facts');
    expect(fromFacts.byDepartment).toEqual(fromRollup.byDepartment);
    expect(fromFacts.bySection).toEqual(fromRollup.bySection);

    const after = await denials(MARCH);
    // 50 now only E3 ($80); total 3 lines, $240.
    expect(after.rows.map((row) => [row.carc, row.deniedLines, row.deniedCharges])).toEqual([['', 1, 40], ['204', 1, 120], ['50', 1, 80]]);
    expect(after.totals).toMatchObject({ deniedLines: 3, deniedCharges: 240 });
    // The patched index still agrees with the tables.
    await t.app.get(MemoryIndex).warm();
    await expectMemoryMatchesTables(ROLLUP_QUESTIONS);
  });
});
