// CMS's own payment amounts for 2025 (the payment revision file PFREV25C: code 76145 in
// every locality, non-facility and facility) reproduced to the cent from the schedule the
// server ships: its files, read at first start into the database, read back and priced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUnpriced, localityKey, priceLine, readCsvRecords, type FeeSchedule } from '@caseload/domain';
import { FeeScheduleService } from '../../src/modules/reimbursement/fee-schedule.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface PublishedPayment {
  carrier: string;
  locality: string;
  code: string;
  nonFacilityCents: number;
  facilityCents: number;
}

/** The quoted, header-less layout of CMS's payment file; trailer rows (TRL-) carry notices. */
function publishedPayments(): PublishedPayment[] {
  const text = readFileSync(join(__dirname, 'fixtures/PFREV25C.txt'), 'latin1');
  return readCsvRecords(text)
    .rows.filter((row) => row[0] === '2025')
    .map((row) => ({
      carrier: row[1]!,
      locality: row[2]!,
      code: row[3]!,
      nonFacilityCents: Math.round(Number(row[5]) * 100),
      facilityCents: Math.round(Number(row[6]) * 100),
    }));
}

describe("CMS's published 2025 payment amounts", () => {
  let t: TestApp;
  let schedule: FeeSchedule;
  const payments = publishedPayments();

  beforeAll(async () => {
    t = await startTestApp();
    schedule = await t.app.get(FeeScheduleService).schedule();
  });
  afterAll(() => t.close());

  it('has every locality of the GPCI file in the payment file', () => {
    expect(payments).toHaveLength(109);
    const localities = [...schedule.years.get(2025)!.gpcis.keys()].sort();
    expect(payments.map((p) => localityKey(p.carrier, p.locality)).sort()).toEqual(localities);
  });

  it('loaded the shipped 2025 schedule at the first start', async () => {
    const response = await t.getJson<{ years: unknown[] }>('/api/v1/fee-schedules');
    expect(response.years).toEqual([{ year: 2025, conversionFactor: 32.3465, rvuRows: 19090, gpciLocalities: 109 }]);
  });

  it('matches all 218 amounts (109 localities, non-facility and facility) to the cent', () => {
    const mismatches: string[] = [];
    let matched = 0;
    for (const payment of payments) {
      const locality = localityKey(payment.carrier, payment.locality);
      for (const [placeOfService, expected] of [
        ['11', payment.nonFacilityCents],
        ['22', payment.facilityCents],
      ] as const) {
        const price = priceLine({ code: payment.code, modifiers: [], serviceDate: '2025-07-01', placeOfService, units: 1 }, schedule, locality);
        const got = isUnpriced(price) ? price.unpriced : price.feeCents;
        if (got === expected) matched++;
        else mismatches.push(`${locality} POS ${placeOfService}: ${got} != ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(matched).toBe(218);
  });

  it('does not load the shipped year again on a later start', async () => {
    await t.db.query(`UPDATE fee_schedule_rvu SET work_rvu = 9.99 WHERE year = 2025 AND code = '99213' AND modifier = ''`);
    expect(await t.app.get(FeeScheduleService).loadShippedYear()).toBe('present');
    const [row] = await t.db.query<{ work_rvu: string }>(`SELECT work_rvu FROM fee_schedule_rvu WHERE year = 2025 AND code = '99213' AND modifier = ''`);
    expect(row!.work_rvu).toBe('9.99');
    await t.db.query(`UPDATE fee_schedule_rvu SET work_rvu = 1.30 WHERE year = 2025 AND code = '99213' AND modifier = ''`);
  });
});
