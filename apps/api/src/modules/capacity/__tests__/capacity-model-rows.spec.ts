import { demoCapacityModel } from '@caseload/synth';
import { checkList, csvCells, csvRecordsOf, jsonCells, type CapacityModel, type RowCells } from '../capacity-model-rows.js';

const EMPTY: CapacityModel = { resourceTypes: [], inventories: [], holidays: [], profiles: [] };

function cellsOf(body: unknown): RowCells[] {
  const cells = jsonCells(body);
  if (!Array.isArray(cells)) throw new Error(cells.reason);
  return cells;
}

describe('capacity model rows', () => {
  it('accepts the whole demo model, list by list, as the API would', () => {
    const demo = demoCapacityModel({ lines: 300_000, endDate: '2025-11-26' }) as CapacityModel;
    const types = checkList('resource-types', cellsOf({ rows: demo.resourceTypes }), EMPTY);
    expect(types.errors).toEqual([]);
    const withTypes = { ...EMPTY, resourceTypes: types.rows! };
    for (const list of ['inventories', 'holidays', 'profiles'] as const) {
      const rows = { inventories: demo.inventories, holidays: demo.holidays, profiles: demo.profiles }[list];
      expect(checkList(list, cellsOf({ rows }), withTypes)).toEqual({ rows, errors: [] });
    }
  });

  it('reads a CSV round trip of a list back to the same rows', () => {
    const model: CapacityModel = {
      ...EMPTY,
      resourceTypes: [{ key: 'rn', name: 'Nurse', kind: 'staff' }],
    };
    const rows = [{ department: 'ICU', resourceType: 'rn', count: 4.5, schedule: [12, 12, 12, 12, 12, 12, 12] as [number, number, number, number, number, number, number], productiveHoursPerFte: 1700 }];
    const records = [['department', 'resource_type', 'count', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'productive_hours_per_fte'], ...csvRecordsOf('inventories', rows)];
    const cells = csvCells('inventories', records);
    expect(checkList('inventories', cells as RowCells[], model)).toEqual({ rows, errors: [] });
  });

  it('names an unknown column of a CSV, and skips blank lines', () => {
    expect(csvCells('holidays', [['date', 'dept']])).toEqual([{ row: 1, column: 'dept', reason: 'is not a column of this list; the columns are date,department,name' }]);
    const cells = csvCells('holidays', [['date'], ['2025-07-04'], ['']]) as RowCells[];
    expect(cells.map((c) => c.row)).toEqual([2]);
    expect(checkList('holidays', cells, EMPTY)).toEqual({ rows: [{ date: '2025-07-04', department: null, name: '' }], errors: [] });
  });
});
