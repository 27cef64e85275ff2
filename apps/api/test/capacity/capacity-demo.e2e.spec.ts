// The Capacity page's question on the demo data (300,000 lines over three years up to
// yesterday, seed 1): which resource runs above 80% next quarter, and how many more units or
// FTEs close the gap. The demo's inventories are set so that a few resources are tight and
// the rest are not; this checks that the seeded demo keeps answering the question.
import type { CapacityNeedsResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { DEMO_LINES, seedDemo, seedDemoIfEmpty } from '../../src/modules/ingest/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('capacity on the demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.app, { lines: DEMO_LINES, seed: 1 });
  }, 300_000);
  afterAll(() => t.close());

  it('loads the demo capacity model with the demo', async () => {
    const [counts] = await t.db.query<{ types: number; inventories: number; holidays: number; profiles: number }>(
      `SELECT (SELECT count(*)::int FROM capacity_resource_type) AS types, (SELECT count(*)::int FROM capacity_inventory) AS inventories,
              (SELECT count(*)::int FROM capacity_holiday) AS holidays, (SELECT count(*)::int FROM capacity_profile) AS profiles`,
    );
    expect(counts!.types).toBe(18);
    expect(counts!.inventories).toBeGreaterThan(100);
    // Eleven federal holidays a year, three years back and two ahead.
    expect(counts!.holidays).toBe(66);
    expect(counts!.profiles).toBeGreaterThan(1000);
  });

  it('names the resources above 80% next quarter and what closes each gap, and leaves most below', async () => {
    const answer = await t.getJson<CapacityNeedsResponse>('/api/v1/capacity/needs');
    expect(answer.meta.horizon).toBe(3);
    const above = answer.rows.filter((row) => row.aboveTarget);
    expect(above.length).toBeGreaterThanOrEqual(1);
    expect(above.length).toBeLessThan(answer.rows.length / 10);
    for (const row of above) {
      expect(row.horizon.utilization.expected!).toBeGreaterThan(0.8);
      expect(row.additionalUnitsNeeded!).toBeGreaterThan(0);
      // Adding what it says brings the quarter back within the target.
      const fixed = await t.getJson<CapacityNeedsResponse>(
        `/api/v1/capacity/needs?department=${row.department}&resourceType=${row.resourceType}&add=${row.resourceType}:${row.additionalUnitsNeeded}`,
      );
      expect(fixed.rows[0]!.horizon.utilization.expected!).toBeLessThanOrEqual(0.8);
    }
    // The imaging center's one-day-a-week mobile MRI is among them.
    expect(above.map((row) => `${row.department}/${row.resourceType}`)).toContain('IMG/mri_scanner');
  });

  it('measures the last year with most lines profiled, and pools the CT scanners the ED shares', async () => {
    const answer = await t.getJson<CapacityUtilizationResponse>('/api/v1/capacity/utilization?resourceType=ct_scanner');
    expect(answer.rows.some((row) => row.department === 'ED' && row.usedMinutes > 0 && row.availableHours === 0)).toBe(true);
    const pooled = answer.pooled.filter((row) => row.departments.includes('ED'));
    expect(pooled).toHaveLength(12);
    for (const row of pooled) expect(row.usedMinutes).toBeGreaterThan(answer.rows.find((r) => r.period === row.period && r.department === 'RAD')!.usedMinutes);
    const all = await t.getJson<CapacityUtilizationResponse>('/api/v1/capacity/utilization');
    const [lines] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM procedure_line WHERE service_date BETWEEN $1 AND $2`, [all.meta.from, all.meta.to]);
    expect(all.meta.unprofiledLines / lines!.n).toBeLessThan(0.02);
  });

  it('gives a demo database from before the capacity model its model at the next start', async () => {
    await t.db.query('DELETE FROM capacity_profile; DELETE FROM capacity_holiday; DELETE FROM capacity_inventory; DELETE FROM capacity_resource_type');
    await seedDemoIfEmpty(t.app);
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM capacity_resource_type');
    expect(after!.n).toBe(18);
    const [imports] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import');
    expect(imports!.n).toBe(1);
  });
});
