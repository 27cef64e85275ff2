import { PassThrough } from 'node:stream';
import { DEMO_DEPARTMENTS, writeDemoCsv } from '@caseload/synth';
import { PAYER_CATEGORIES, SECTIONS, addDays } from '@caseload/domain';
import { parseAggregateQuery } from '../../src/modules/analytics/aggregate-query.js';
import { chooseSource } from '../../src/modules/analytics/aggregate-sql.js';
import { AggregateService } from '../../src/modules/analytics/aggregate.service.js';
import { MemoryIndex } from '../../src/modules/analytics/memory-index/memory-index.service.js';
import { PreviousDayIndex } from '../../src/modules/analytics/memory-index/previous-day-index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const END = '2026-10-31';
const QUERIES = 160;

/** A small deterministic PRNG, so a failing query can be replayed from its index. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function demoCsv(lines: number, seed: number): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeDemoCsv({ lines, seed, endDate: END }, sink);
  return Buffer.concat(chunks).toString('utf8');
}

/** Moves some lines of the first file to other dates with other amounts: replacements. */
function replacements(csv: string, count: number, dateOf: (i: number) => string, chargeOf: (i: number) => string): string {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header!.split(',');
  const date = columns.indexOf('service_date');
  const charge = columns.indexOf('charge_amount');
  const changed = rows.slice(100, 100 + count).map((row, i) => {
    const cells = row.split(',');
    if (cells.length !== columns.length) return row; // a quoted comma: leave that row as it is
    cells[date] = dateOf(i);
    cells[charge] = chargeOf(i);
    return cells.join(',');
  });
  return `${header}\n${changed.join('\n')}\n`;
}

describe('rollups and the in-memory index answer exactly as the facts do', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_TIMEZONE: 'UTC' });
    const first = await demoCsv(20_000, 7);
    expect((await t.importCsv(first)).rowsLoaded).toBe(20_000);
    // A second import replaces 300 lines, some of them into other months.
    const second = replacements(first, 300, (i) => `2025-0${1 + (i % 9)}-15`, (i) => (i * 7.31).toFixed(2));
    expect((await t.importCsv(second)).rowsLoaded).toBe(300);
    // Once the index is built, a third import patches it: 40 lines move to other days.
    await t.app.get(MemoryIndex).warm();
    const third = replacements(first, 40, (i) => `2024-1${i % 3}-0${1 + (i % 9)}`, (i) => (i * 3.17 + 1).toFixed(2));
    expect((await t.importCsv(third)).rowsLoaded).toBe(40);
  }, 120_000);
  afterAll(() => t.close());

  it(`gives identical answers through the planner and from the facts for ${QUERIES} random questions`, async () => {
    const random = mulberry32(20261127);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const some = <T>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(values)))];
    const service = t.app.get(AggregateService);
    // The index and its distinct-count index, both patched after the third import.
    await t.app.get(MemoryIndex).warm();
    let routedToRollup = 0;
    let routedToMemory = 0;
    let routedToCodes = 0;
    let routedToProviders = 0;
    let routedToDays = 0;
    for (let i = 0; i < QUERIES; i++) {
      const wide = random() < 0.3;
      const params: Record<string, string> = {
        measures: some(wide ? ['lines', 'charges', 'patients', 'encounters', 'wrvu'] : ['lines', 'units', 'charges', 'allowed', 'paid', 'denial_rate', 'wrvu', 'expected_payment'], 3).join(','),
        grain: pick(['month', 'month', 'quarter', 'year', 'fiscal_year', wide ? 'week' : 'month']),
      };
      const dimensions = some(['period', 'department', 'section', 'payer_category', 'place_of_service', 'code', 'provider'], 2);
      if (random() < 0.85) params['groupBy'] = dimensions.join(',');
      // Mostly whole months (what the rollup covers), sometimes any day.
      const startMonth = 1 + Math.floor(random() * 30);
      const from = new Date(Date.UTC(2023, 11 + startMonth - 30 + 12, random() < 0.8 ? 1 : 1 + Math.floor(random() * 27)));
      const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1 + Math.floor(random() * 14), random() < 0.8 ? 0 : 1 + Math.floor(random() * 27)));
      params['from'] = from.toISOString().slice(0, 10);
      params['to'] = (to.toISOString().slice(0, 10) > END ? END : to.toISOString().slice(0, 10));
      if (random() < 0.3) params['department'] = some(DEMO_DEPARTMENTS.map((d) => d.code), 3).join(',');
      if (random() < 0.2) params['section'] = some(SECTIONS, 2).join(',');
      if (random() < 0.2) params['payer_category'] = some(PAYER_CATEGORIES, 2).join(',');
      if (random() < 0.1) params['code'] = some(['99213', '99214', '93000', '71045', '36415', '80053'], 3).join(',');
      if (random() < 0.15) params['place_of_service'] = some(['11', '19', '21', '22', '23'], 2).join(',');
      if (random() < 0.3) params['compare'] = pick(['previous_year', 'previous_period']);
      const query = parseAggregateQuery(params, '2026-11-27');
      const facts = await service.aggregate(query, null, { source: 'facts' });
      const planned = await service.aggregate(query, null, { fresh: true });
      const { source: _factsSource, ...factsMeta } = facts.meta;
      const { source: _plannedSource, ...plannedMeta } = planned.meta;
      expect({ i, params, rows: planned.rows, totals: planned.totals, meta: plannedMeta }).toEqual({ i, params, rows: facts.rows, totals: facts.totals, meta: factsMeta });
      // The rollup tables answer when the index is not ready: they must agree too. (A forced
      // source serves every slice; previous_period's may not be whole months, so not those, nor
      // a previous year that ends on 28 February of a leap year.)
      const rollup = chooseSource({ measures: query.measures, dimensions: query.groupBy, grain: query.grain, fiscalYearStartMonth: 1, from: query.from, to: query.to, filters: query.filters });
      const compared = query.compare === null ? null : service.compareRange(query);
      const wholeCompare = compared === null || (compared.from.endsWith('-01') && addDays(compared.to, 1).endsWith('-01'));
      if (rollup !== 'facts' && query.compare !== 'previous_period' && wholeCompare) {
        const fromRollup = await service.aggregate(query, null, { source: rollup });
        expect({ i, params, rows: fromRollup.rows, totals: fromRollup.totals }).toEqual({ i, params, rows: facts.rows, totals: facts.totals });
        if (rollup === 'rollup_month') routedToRollup++;
        else if (rollup === 'rollup_month_code') routedToCodes++;
        else if (rollup === 'rollup_day_code') routedToDays++;
        else routedToProviders++;
      }
      if (planned.meta.source === 'memory') routedToMemory++;
    }
    // The comparison means something only if the rollup answered a good share of them.
    expect(routedToRollup).toBeGreaterThan(QUERIES * 0.1);
    expect(routedToMemory).toBeGreaterThan(QUERIES * 0.15);
    expect(routedToCodes).toBeGreaterThan(QUERIES * 0.03);
    expect(routedToProviders).toBeGreaterThan(QUERIES * 0.02);
    expect(routedToDays).toBeGreaterThan(QUERIES * 0.03);
  }, 240_000);

  it('reads lines imported without money or claim status as the SQL does', async () => {
    const service = t.app.get(AggregateService);
    const index = t.app.get(MemoryIndex);
    await index.warm();
    // 2022-03-07: three lines, one with every amount and a paid status, two with none.
    await t.importCsv(
      'encounter_id,patient_id,service_date,department,code,charge_amount,allowed_amount,paid_amount,claim_status\n' +
        'BLANK-1,P-BLANK-1,2022-03-07,CARD,99213,100.00,80.00,60.00,paid\n' +
        'BLANK-2,P-BLANK-2,2022-03-07,CARD,99213,,,,\n' +
        'BLANK-3,P-BLANK-2,2022-03-07,RAD,70450,,,,\n',
    );
    await index.warm();
    const query = parseAggregateQuery({ measures: 'lines,units,charges,allowed,paid,denial_rate,patients', groupBy: 'department', from: '2022-03-07', to: '2022-03-07' }, '2026-11-27');
    const planned = await service.aggregate(query, null, { fresh: true });
    const facts = await service.aggregate(query, null, { source: 'facts' });
    expect(planned.meta.source).toBe('memory');
    expect(planned.rows).toEqual(facts.rows);
    // CARD: 2 lines, $100.00 charged, $80.00 allowed, $60.00 paid, 0 of 1 adjudicated denied; RAD: 1 line, nothing.
    expect(planned.totals).toMatchObject({ lines: 3, charges: 100, allowed: 80, paid: 60, denial_rate: 0, patients: 2 });
  });

  it('answers the code views from memory exactly as the facts do', async () => {
    const service = t.app.get(AggregateService);
    await t.app.get(MemoryIndex).warm();
    const views = [
      { measures: 'lines,charges,wrvu,expected_payment', groupBy: 'code', orderBy: '-lines', limit: '20', compare: 'previous_year', from: '2024-07-01', to: '2025-06-30' },
      { measures: 'lines', groupBy: 'code', section: 'radiology', orderBy: '-lines', from: '2024-01-01', to: '2024-12-31' },
      { measures: 'lines,paid,denial_rate,expected_payment', groupBy: 'period,department', grain: 'month', code: '99213,99214', from: '2024-01-01', to: '2025-03-31' },
      { measures: 'units', groupBy: 'section,code', department: 'CARD,RAD', grain: 'quarter', from: '2024-04-01', to: '2024-09-30' },
    ];
    for (const params of views) {
      const query = parseAggregateQuery(params, '2026-11-27');
      const planned = await service.aggregate(query, null, { fresh: true });
      const facts = await service.aggregate(query, null, { source: 'facts' });
      expect({ params, source: planned.meta.source }).toEqual({ params, source: 'memory' });
      expect({ params, rows: planned.rows, totals: planned.totals }).toEqual({ params, rows: facts.rows, totals: facts.totals });
    }
  });

  it('counts encounters by payer category from memory, and leaves an encounter under two payers to the database', async () => {
    const service = t.app.get(AggregateService);
    const index = t.app.get(MemoryIndex);
    await index.warm();
    const views: Array<Record<string, string>> = [
      { measures: 'lines,encounters', groupBy: 'payer_category', from: '2024-01-01', to: '2024-12-31' },
      { measures: 'encounters,charges', groupBy: 'period,payer_category', grain: 'quarter', department: 'CARD,RAD', from: '2024-04-01', to: '2025-03-31' },
      { measures: 'encounters', groupBy: 'department', payer_category: 'medicare,medicaid', from: '2024-01-01', to: '2024-06-30' },
      { measures: 'encounters,denial_rate', groupBy: 'section,payer_category', section: 'em,radiology', compare: 'previous_year', from: '2025-01-01', to: '2025-06-30' },
      { measures: 'encounters', payer_category: 'self_pay', from: '2024-08-01', to: '2024-08-31' },
    ];
    const ask = async (params: Record<string, string>) => {
      const query = parseAggregateQuery(params, '2026-11-27');
      const planned = await service.aggregate(query, null, { fresh: true });
      const facts = await service.aggregate(query, null, { source: 'facts' });
      expect({ params, rows: planned.rows, totals: planned.totals }).toEqual({ params, rows: facts.rows, totals: facts.totals });
      return planned.meta.source;
    };
    // Pinned groups read the previous-day index's classes; several departments unpinned, the key lists.
    const byClass = jest.spyOn(PreviousDayIndex.prototype, 'countByClass');
    for (const params of views) expect({ params, source: await ask(params) }).toEqual({ params, source: 'memory' });
    expect(byClass).toHaveBeenCalled();
    byClass.mockRestore();
    // One encounter, two lines, two payers: counted once under each payer, which the key lists
    // by encounter cannot tell; the database answers the ranges that hold it.
    await t.importCsv(
      'encounter_id,patient_id,service_date,department,code,payer_category\n' +
        'TWO-PAYERS,P-TWO-PAYERS,2024-08-05,CARD,99213,medicare\n' +
        'TWO-PAYERS,P-TWO-PAYERS,2024-08-06,CARD,99214,self_pay\n',
    );
    await index.warm();
    expect(await ask(views[4]!)).not.toBe('memory');
    expect(await ask(views[0]!)).not.toBe('memory');
    // A range without it is still answered from memory.
    expect(await ask(views[2]!)).toBe('memory');
  });

  it('forgets the distinct counts it kept for a period once an import changes one of its days', async () => {
    const service = t.app.get(AggregateService);
    await t.app.get(MemoryIndex).warm();
    const ask = async (params: Record<string, string>) => {
      const query = parseAggregateQuery(params, '2026-11-27');
      const planned = await service.aggregate(query, null, { fresh: true });
      const facts = await service.aggregate(query, null, { source: 'facts' });
      expect(planned.meta.source).toBe('memory');
      expect(planned.rows).toEqual(facts.rows);
      expect(planned.totals).toEqual(facts.totals);
      return planned;
    };
    const byMonth = { measures: 'patients,encounters', groupBy: 'period,department', grain: 'month', from: '2024-01-01', to: '2024-12-31' };
    const byYear = { measures: 'patients', groupBy: 'period', grain: 'year', from: '2024-01-01', to: '2024-12-31', department: 'CARD' };
    const before = await ask(byMonth);
    await ask(byYear);
    // Two new patients in cardiology in May 2024: the kept May, Q2 and 2024 counts must move.
    await t.importCsv('encounter_id,patient_id,service_date,department,code\nKEPT-1,P-KEPT-1,2024-05-14,CARD,99213\nKEPT-2,P-KEPT-2,2024-05-20,CARD,99214\n');
    const after = await ask(byMonth);
    const may = (answer: typeof before) => answer.rows.find((row) => row['period'] === '2024-05' && row['department'] === 'CARD')!;
    expect(may(after)['patients']).toBe((may(before)['patients'] as number) + 2);
    await ask(byYear);
    await ask({ ...byMonth, grain: 'quarter' });
  });

  it('does not trust its patch when another process imported in between', async () => {
    const service = t.app.get(AggregateService);
    await t.app.get(MemoryIndex).warm();
    // Another process's import: a copy of an existing line on 2024-06-03, and its import row.
    await t.db.query(`INSERT INTO encounter (external_id, patient_key) SELECT 'OTHER-1', patient_key FROM procedure_line LIMIT 1`);
    await t.db.query(
      `INSERT INTO procedure_line SELECT (SELECT id FROM encounter WHERE external_id = 'OTHER-1'), 1, patient_key, '2024-06-03', department_id, code_id,
         section, modifiers, units, place_of_service, payer_id, payer_category, provider_npi, charge_cents, allowed_cents, paid_cents, claim_status,
         denial_reason, minutes, import_id FROM procedure_line LIMIT 1`,
    );
    await t.db.query(`INSERT INTO import (status, finished_at) VALUES ('completed', now())`);
    // Then an import of this process, on another day.
    await t.importCsv('encounter_id,patient_id,service_date,department,code\nOURS-1,P-OURS-1,2024-06-10,CARD,99213\n');
    const query = parseAggregateQuery({ measures: 'lines,patients', groupBy: 'period', grain: 'week', from: '2024-06-01', to: '2024-06-16' }, '2026-11-27');
    const facts = await service.aggregate(query, null, { source: 'facts' });
    const planned = await service.aggregate(query, null, { fresh: true });
    expect(planned.rows).toEqual(facts.rows);
    expect(planned.totals).toEqual(facts.totals);
  });

  it('patches in an import that lands while the index is being built', async () => {
    const service = t.app.get(AggregateService);
    const index = t.app.get(MemoryIndex);
    await index.warm();
    // Start a rebuild and import while it runs: the build must end holding the import's lines.
    (index as unknown as { startBuild(): void }).startBuild();
    await t.importCsv('encounter_id,patient_id,service_date,department,code,charge_amount\nDURING-1,P-DURING,2024-03-05,RAD,70450,123.45\n');
    await index.warm();
    const query = parseAggregateQuery({ measures: 'lines,patients,charges', groupBy: 'period,department', grain: 'week', from: '2024-03-01', to: '2024-03-10' }, '2026-11-27');
    const facts = await service.aggregate(query, null, { source: 'facts' });
    const planned = await service.aggregate(query, null, { fresh: true });
    expect(planned.meta.source).toBe('memory');
    expect(planned.rows).toEqual(facts.rows);
    expect(planned.totals).toEqual(facts.totals);
  });
});
