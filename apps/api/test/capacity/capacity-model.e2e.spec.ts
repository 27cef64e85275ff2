// The capacity model over HTTP (DESIGN §3.2 resources): admins replace each list as JSON or
// from a CSV file; every row is checked first, and a list with any bad row changes nothing
// and answers 400 naming each row, column and reason. Everyone reads; a user limited to
// departments reads only their departments' inventories and holidays, and cannot edit.
import type { AuditResponse, CapacityRejectedResponse, CapacityInventory } from '@caseload/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/api/v1/capacity';

const TYPES = [
  { key: 'ct_scanner', name: 'CT scanner', kind: 'equipment' },
  { key: 'technologist', name: 'Technologist', kind: 'staff' },
];
const INVENTORIES: CapacityInventory[] = [
  { department: 'IMG', resourceType: 'ct_scanner', count: 2, schedule: [0, 0, 0, 0, 0, 6, 0], productiveHoursPerFte: null },
  { department: 'RAD', resourceType: 'ct_scanner', count: 1, schedule: [10, 10, 10, 10, 10, 0, 0], productiveHoursPerFte: null },
  { department: 'RAD', resourceType: 'technologist', count: 2.5, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: 1820 },
];
const HOLIDAYS = [
  { date: '2025-03-17', department: null, name: 'Spring closure' },
  { date: '2025-03-22', department: 'IMG', name: '=HYPERLINK("x")' },
];
const PROFILES = [
  { code: '70450', resourceType: 'ct_scanner', minutes: 15 },
  { code: '74177', resourceType: 'ct_scanner', minutes: 20 },
  { code: '74177', resourceType: 'technologist', minutes: 25.5 },
];

describe('capacity model', () => {
  let t: TestApp;
  let viewer: string;
  let scoped: string;
  let scopedAdmin: string;

  beforeAll(async () => {
    t = await startTestApp();
    viewer = (await t.createUser({ email: 'viewer@example.test', password: 'viewer-password-1', role: 'viewer' })).token;
    scoped = (await t.createUser({ email: 'img@example.test', password: 'img-password-12', role: 'analyst', departments: ['IMG'] })).token;
    scopedAdmin = (await t.createUser({ email: 'img.admin@example.test', password: 'img-admin-pass-1', role: 'admin', departments: ['IMG'] })).token;
    for (const [list, rows] of [['resource-types', TYPES], ['inventories', INVENTORIES], ['holidays', HOLIDAYS], ['profiles', PROFILES]] as const) {
      const response = await t.request('PUT', `${BASE}/${list}`, { body: { rows } });
      if (response.status !== 200) throw new Error(`PUT ${list}: ${response.status} ${await response.text()}`);
    }
  }, 60_000);
  afterAll(() => t.close());

  const rowsOf = async <T>(list: string, token?: string): Promise<T[]> => {
    const response = await t.request('GET', `${BASE}/${list}`, token === undefined ? {} : { token });
    expect(response.status).toBe(200);
    return ((await response.json()) as { rows: T[] }).rows;
  };

  async function rejected(response: Response): Promise<CapacityRejectedResponse> {
    const body = (await response.json()) as CapacityRejectedResponse;
    expect(`${response.status} ${body.code}`).toBe('400 CAPACITY_REJECTED');
    return body;
  }

  it('reads back each list as it was put, in key order', async () => {
    expect(await rowsOf('resource-types')).toEqual(TYPES);
    expect(await rowsOf('inventories')).toEqual(INVENTORIES);
    expect(await rowsOf('holidays')).toEqual(HOLIDAYS);
    expect(await rowsOf('profiles')).toEqual(PROFILES);
  });

  it('exports a list as CSV in the import format, neutralising formulas', async () => {
    const inventories = await t.get(`${BASE}/inventories?format=csv`);
    expect(inventories.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(inventories.headers.get('content-disposition')).toBe('attachment; filename="capacity-inventories.csv"');
    expect(await inventories.text()).toBe(
      'department,resource_type,count,mon,tue,wed,thu,fri,sat,sun,productive_hours_per_fte\r\n' +
        'IMG,ct_scanner,2,0,0,0,0,0,6,0,\r\n' +
        'RAD,ct_scanner,1,10,10,10,10,10,0,0,\r\n' +
        'RAD,technologist,2.5,8,8,8,8,8,0,0,1820\r\n',
    );
    const holidays = await (await t.get(`${BASE}/holidays?format=csv`)).text();
    expect(holidays).toBe('date,department,name\r\n2025-03-17,,Spring closure\r\n2025-03-22,IMG,"\'=HYPERLINK(""x"")"\r\n');
  });

  it('refuses an unknown parameter or format, naming it', async () => {
    const format = await t.get(`${BASE}/profiles?format=xml`);
    expect(format.status).toBe(400);
    expect(((await format.json()) as { message: string }).message).toMatch(/^format: /);
    const unknown = await t.get(`${BASE}/profiles?code=70450`);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/^code: is not a parameter/);
  });

  it('imports a CSV that replaces the whole list, matching headers case-insensitively', async () => {
    const csv = 'Code,Resource_Type,Minutes\r\n70450,ct_scanner,15\r\n74177,ct_scanner,20\r\n74177,technologist,25.5\r\n71250,CT_SCANNER_X,1\r\n';
    // The last row names an unknown type: nothing is loaded.
    const bad = await rejected(await t.post(`${BASE}/profiles/import`, csv));
    expect(bad.errors).toEqual([{ row: 5, column: 'resource_type', reason: expect.stringMatching(/^"CT_SCANNER_X" is not a resource type; the types are ct_scanner, technologist$/) }]);
    const good = await t.post(`${BASE}/profiles/import`, 'code,resource_type,minutes\n71250,ct_scanner,18\n');
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ rows: 1 });
    expect(await rowsOf('profiles')).toEqual([{ code: '71250', resourceType: 'ct_scanner', minutes: 18 }]);
    expect((await t.request('PUT', `${BASE}/profiles`, { body: { rows: PROFILES } })).status).toBe(200);
  });

  it('refuses a profile file with bad rows, naming row and column of each, and loads nothing', async () => {
    const csv = [
      'code,resource_type,minutes',
      '74177,ct_scanner,20', // row 2: fine
      '74177,ct_scanner,-5', // row 3: negative minutes
      '7417,ct_scanner,20', // row 4: not a code
      '70450,mri_scanner,45', // row 5: unknown resource type
      '70450,technologist,0', // row 6: zero minutes
      '74177,ct_scanner,20', // row 7: repeats row 2
      '70450,technologist,1.234', // row 8: three decimals
    ].join('\n');
    const body = await rejected(await t.post(`${BASE}/profiles/import`, csv));
    expect(body.message).toMatch(/^The file was not loaded, and nothing changed: 6 problems, the first at row 3, column minutes: /);
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'minutes'],
      [4, 'code'],
      [5, 'resource_type'],
      [6, 'minutes'],
      [8, 'minutes'],
      [7, 'resource_type'],
    ]);
    expect(body.errors[0]!.reason).toMatch(/above 0 and at most 1440 \(got "-5"\)/);
    expect(body.errors[1]!.reason).toBe('"7417" is not a CPT or HCPCS code');
    expect(body.errors[5]!.reason).toBe('repeats the code and resource type of row 2');
    expect(await rowsOf('profiles')).toEqual(PROFILES);
  });

  it('refuses inventories with zero hours, a negative count or an unknown type, naming the field and row', async () => {
    const rows = [
      { department: 'RAD', resourceType: 'ct_scanner', count: 1, schedule: [0, 0, 0, 0, 0, 0, 0], productiveHoursPerFte: null },
      { department: 'RAD', resourceType: 'technologist', count: -1, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: null },
      { department: 'IMG', resourceType: 'mri_scanner', count: 1, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: null },
      { department: 'IMG', resourceType: 'ct_scanner', count: 1, schedule: [8, 8, 8, 25, 8, 0, 0], productiveHoursPerFte: 1700 },
      { department: '', resourceType: 'technologist', count: 1, schedule: [8, 8, 8, 8, 8, 0, 0], productiveHoursPerFte: null },
    ];
    const body = await rejected(await t.request('PUT', `${BASE}/inventories`, { body: { rows } }));
    expect(body.message).toMatch(/^The inventories were not replaced, and nothing changed: /);
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'schedule[0]'],
      [2, 'count'],
      [3, 'resourceType'],
      [4, 'schedule[3]'],
      [4, 'productiveHoursPerFte'],
      [5, 'department'],
    ]);
    expect(body.errors[0]!.reason).toMatch(/zero hours on every day/);
    expect(body.errors[4]!.reason).toMatch(/applies to staff only/);
    expect(await rowsOf('inventories')).toEqual(INVENTORIES);
  });

  it('refuses an inventory file without a required column, naming it', async () => {
    const body = await rejected(await t.post(`${BASE}/inventories/import`, 'department,resource_type,mon,tue,wed,thu,fri,sat,sun\nRAD,ct_scanner,8,8,8,8,8,0,0\n'));
    expect(body.errors).toEqual([{ row: 1, column: 'count', reason: expect.stringMatching(/^the header has no "count" column/) }]);
  });

  it('refuses to drop a resource type that inventories or profiles still name', async () => {
    const body = await rejected(await t.request('PUT', `${BASE}/resource-types`, { body: { rows: [TYPES[1]] } }));
    expect(body.errors).toEqual([{ row: null, column: 'key', reason: 'the resource type "ct_scanner" is left out but 2 inventory rows and 2 profile rows name it; change or remove those first' }]);
    const kind = await rejected(await t.request('PUT', `${BASE}/resource-types`, { body: { rows: [{ key: 'CT', name: '', kind: 'machine' }] } }));
    expect(kind.errors.map((e) => e.column)).toEqual(['key', 'name', 'kind']);
    expect(await rowsOf('resource-types')).toEqual(TYPES);
  });

  it('refuses a PUT whose body is not {rows: [...]}, and an import sent as JSON', async () => {
    expect((await rejected(await t.request('PUT', `${BASE}/holidays`, { body: {} }))).errors).toEqual([
      { row: null, column: 'rows', reason: 'send {"rows": [...]}: the whole new list' },
    ]);
    expect((await t.request('POST', `${BASE}/holidays/import`, { body: {} })).status).toBe(400);
    const dates = await rejected(await t.post(`${BASE}/holidays/import`, 'date,department,name\n2025-02-30,,x\n'));
    expect(dates.errors).toEqual([{ row: 2, column: 'date', reason: '"2025-02-30" must be a real date as YYYY-MM-DD, from 1990 to 2100' }]);
  });

  it('writes every replacement to the audit log', async () => {
    const audit = (await t.getJson<AuditResponse>('/api/v1/audit?action=capacity.update')).entries;
    expect(audit.length).toBeGreaterThanOrEqual(6);
    expect(audit.map((e) => e.details['list'])).toEqual(expect.arrayContaining(['resource-types', 'inventories', 'holidays', 'profiles']));
    expect(audit.find((e) => e.details['how'] === 'import')).toMatchObject({ actor: 'admin@example.test', details: { list: 'profiles', rows: 1 } });
  });

  it('shows a user limited to departments only their inventories and holidays', async () => {
    expect(await rowsOf('inventories', scoped)).toEqual([INVENTORIES[0]]);
    expect(await rowsOf('holidays', scoped)).toEqual(HOLIDAYS);
    const csv = await (await t.request('GET', `${BASE}/inventories?format=csv`, { token: scoped })).text();
    expect(csv).not.toContain('RAD');
    expect(await rowsOf('profiles', scoped)).toEqual(PROFILES);
  });

  it('lets viewers read but not edit, and no account limited to departments edit', async () => {
    expect(await rowsOf('resource-types', viewer)).toEqual(TYPES);
    for (const token of [viewer, scoped, scopedAdmin]) {
      const put = await t.request('PUT', `${BASE}/holidays`, { token, body: { rows: [] } });
      expect(put.status).toBe(403);
      const load = await t.request('POST', `${BASE}/holidays/import`, { token, body: 'date,department,name\n' });
      expect(load.status).toBe(403);
    }
    expect(await rowsOf('holidays')).toEqual(HOLIDAYS);
  });
});
