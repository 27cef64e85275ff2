import { tableFromIPC, type Table } from 'apache-arrow';
import type { AggregateResponse } from '@caseload/contracts';
import type { TestApp } from '../support/test-app.js';
import { WHOLE, aggregate, refusal, startScenarioApp } from './scenario.js';

const ARROW = 'application/vnd.apache.arrow.stream';
const INJECTION = "'; DROP TABLE procedure_line; --";

describe('aggregate: bad parameters and Arrow answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startScenarioApp();
  });
  afterAll(() => t.close());

  async function expectRefused(query: string, parameter: string) {
    const { status, body } = await refusal(t, query);
    expect({ query, status, statusCode: body.statusCode }).toEqual({ query, status: 400, statusCode: 400 });
    expect(body.message).toContain(parameter);
  }

  describe('refuses a bad parameter with 400 and names it', () => {
    it.each([
      ['an unknown parameter', 'foo=1', 'foo'],
      ['a misspelt parameter', 'groupby=department', 'groupby'],
      ['an unknown measure', 'measures=lines,bogus', 'measures'],
      ['a measure in the wrong case', 'measures=LINES', 'measures'],
      ['an empty measure list', 'measures=,', 'measures'],
      ['an unknown group-by', 'groupBy=department,payer', 'groupBy'],
      ['a bad grain', 'grain=decade', 'grain'],
      ['a grain given twice', 'grain=month&grain=day', 'grain'],
      ['from after to', 'from=2025-02-01&to=2025-01-31', 'from'],
      ['a date that does not exist', 'from=2025-02-30', 'from'],
      ['29 February of a common year', 'to=2023-02-29', 'to'],
      ['a month 13', 'to=2025-13-01', 'to'],
      ['a date not written YYYY-MM-DD', 'from=2025-1-1', 'from'],
      ['a US-style date', 'to=12/31/2025', 'to'],
      ['a year PostgreSQL has no day for', 'from=0000-01-01&to=2020-01-01', 'from'],
      ['a code of bad syntax', 'code=ABCDE', 'code'],
      ['a code of four digits', 'code=9921', 'code'],
      ['a bad code in a list of good ones', 'code=99213,W1234', 'code'],
      ['an unknown section', 'section=cardiology', 'section'],
      ['an unknown payer category', 'payer_category=private', 'payer_category'],
      ['a one-digit place of service', 'place_of_service=2', 'place_of_service'],
      ['place of service 00', 'place_of_service=00', 'place_of_service'],
      ['a three-digit place of service', 'place_of_service=11,222', 'place_of_service'],
      ['a place of service that is not a number', 'place_of_service=ab', 'place_of_service'],
      ['a department code that is too long', `department=${'A'.repeat(33)}`, 'department'],
      ['a department code with a NUL byte', 'department=%00', 'department'],
      ['orderBy on a measure not asked for', 'measures=lines&orderBy=-charges', 'orderBy'],
      ['orderBy on a dimension not grouped by', 'groupBy=department&orderBy=code', 'orderBy'],
      ['orderBy on a compared measure without compare', 'orderBy=lines_compare', 'orderBy'],
      ['orderBy of a lone minus', 'orderBy=-', 'orderBy'],
      ['limit 0', 'limit=0', 'limit'],
      ['limit -1', 'limit=-1', 'limit'],
      ['limit abc', 'limit=abc', 'limit'],
      ['limit 1.5', 'limit=1.5', 'limit'],
      ['an unknown comparison', 'compare=bogus', 'compare'],
      ['a comparison in the wrong case', 'compare=PREVIOUS_YEAR', 'compare'],
      ['a parameter given as an array', 'measures[]=lines', 'measures'],
    ])('%s', async (_case, query, parameter) => {
      await expectRefused(query, parameter);
    });
  });

  it('never answers 500 for ranges at the edges of the calendar', async () => {
    // Comparisons before year 1 and periods after 9999-12-31 cannot be computed: a 400 naming the
    // date, or an answer, is acceptable; a server error is not.
    for (const query of [
      'from=0001-01-01&to=2020-01-01&compare=previous_year',
      'from=0001-01-01&to=2020-01-01&compare=previous_period',
      'from=0001-01-01&to=0001-12-31&groupBy=period&grain=year&compare=previous_period',
      'from=9999-12-01&to=9999-12-31&groupBy=period&grain=day',
      'from=9999-01-01&to=9999-12-31&groupBy=period&grain=fiscal_year',
    ]) {
      const { status, body } = await refusal(t, query);
      expect({ query, answered: [200, 400].includes(status) }).toEqual({ query, answered: true });
      if (status === 400) expect(body.message).toMatch(/^(from|to|compare)\b/);
    }
  });

  it('treats SQL in every parameter as data: 400 or an empty answer, never 500, and the table survives', async () => {
    const value = encodeURIComponent(INJECTION);
    const names = ['measures', 'groupBy', 'grain', 'from', 'to', 'department', 'code', 'section', 'payer_category', 'place_of_service', 'orderBy', 'limit', 'compare'];
    for (const name of names) {
      const query = name === 'from' || name === 'to' ? `${name}=${value}` : `${WHOLE}&${name}=${value}`;
      const response = await t.get(`/api/v1/aggregate?${query}`);
      const body = (await response.json()) as AggregateResponse & { message?: string };
      if (response.status === 400) {
        expect({ name, message: body.message }).toEqual({ name, message: expect.stringContaining(name) });
      } else {
        // Only a free-text filter may accept it, and then it matches no line.
        expect({ name, status: response.status }).toEqual({ name: 'department', status: 200 });
        expect(body.totals).toEqual({ lines: 0 });
      }
    }
    // In a list, in orderBy and group-by lists, and as a parameter name.
    await expectRefused(`groupBy=department,${value}`, 'groupBy');
    await expectRefused(`orderBy=-${value}`, 'orderBy');
    await expectRefused(`${value}=1`, INJECTION);
    await expectRefused(`code=99213,${value}`, 'code');
    const list = await aggregate(t, `measures=lines&department=CARD,${value}&${WHOLE}`);
    expect(list.totals).toEqual({ lines: 14 }); // CARD's 14 lines; the other "department" matches nothing
    const quoted = await aggregate(t, `measures=lines&department=${encodeURIComponent("CARD' OR '1'='1")}&${WHOLE}`);
    expect(quoted.totals).toEqual({ lines: 0 });

    const [{ count }] = await t.db.query<{ count: string }>('SELECT count(*) AS count FROM procedure_line');
    expect(count).toBe('44');
    expect((await aggregate(t, `measures=lines&${WHOLE}`)).totals).toEqual({ lines: 44 });
  });

  describe('Arrow IPC', () => {
    async function both(query: string): Promise<{ json: AggregateResponse; table: Table; contentType: string | null }> {
      const json = await aggregate(t, query);
      const response = await t.get(`/api/v1/aggregate?${query}`, { Accept: ARROW });
      expect(response.status).toBe(200);
      const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
      return { json, table, contentType: response.headers.get('content-type') };
    }

    function expectSameCells(json: AggregateResponse, table: Table, columns: string[]) {
      expect(table.schema.fields.map((field) => field.name)).toEqual(columns);
      expect(table.numRows).toBe(json.rows.length);
      json.rows.forEach((row, i) => {
        for (const name of columns) {
          const cell: unknown = table.getChild(name)!.get(i);
          expect({ row: i, name, cell }).toEqual({ row: i, name, cell: row[name] ?? null });
        }
      });
    }

    it('answers the same rows as JSON, cell by cell', async () => {
      const { json, table, contentType } = await both(`measures=lines,charges&groupBy=department&${WHOLE}`);
      expect(contentType).toContain(ARROW);
      expectSameCells(json, table, ['department', 'lines', 'charges']);
      // And the hand-worked numbers themselves (README: totals by department).
      expect(table.getChild('department')!.toArray()).toEqual(['CARD', 'LAB', 'ONC', 'ORTH', 'RAD']);
      expect(Array.from(table.getChild('lines')!.toArray() as Float64Array)).toEqual([14, 10, 2, 7, 11]);
      expect(Array.from(table.getChild('charges')!.toArray() as Float64Array)).toEqual([1400, 319.98, 800, 50710, 3300.5]);
    });

    it('carries compared measures and nulls (rates over nothing, week 53, lines without an NPI)', async () => {
      const periods = await both('measures=lines,charges,denial_rate&groupBy=period,department&grain=quarter&from=2024-01-01&to=2025-12-31&compare=previous_year');
      const columns = ['period', 'department', 'lines', 'lines_compare', 'charges', 'charges_compare', 'denial_rate', 'denial_rate_compare'];
      expectSameCells(periods.json, periods.table, columns);
      expect(periods.table.numRows).toBe(40); // 8 quarters × 5 departments, each active in 2024–2025
      expect(periods.json.rows.some((row) => row['denial_rate'] === null)).toBe(true);

      const weeks = await both('measures=lines&groupBy=period&grain=week&from=2020-12-21&to=2021-01-10&compare=previous_year');
      expectSameCells(weeks.json, weeks.table, ['period', 'lines', 'lines_compare']);
      expect(weeks.table.getChild('lines_compare')!.get(1)).toBeNull(); // 2020-W53

      const providers = await both(`measures=lines,encounters&groupBy=provider,place_of_service&${WHOLE}`);
      expectSameCells(providers.json, providers.table, ['provider', 'place_of_service', 'lines', 'encounters']);
      expect(providers.json.rows.filter((row) => row['provider'] === null).length).toBeGreaterThan(0);
    });

    it('answers an empty Arrow table with the columns when nothing matches', async () => {
      const { json, table } = await both(`measures=lines,paid&groupBy=department&department=NOPE&${WHOLE}`);
      expect(json.rows).toEqual([]);
      expect(table.numRows).toBe(0);
      expect(table.schema.fields.map((field) => field.name)).toEqual(['department', 'lines', 'paid']);
    });

    it('refuses a bad parameter with the same 400 when Arrow is asked for', async () => {
      const response = await t.get('/api/v1/aggregate?grain=decade', { Accept: ARROW });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain('grain');
    });
  });
});
