// Checking the rows of the capacity model, whether they come as JSON (PUT) or as a CSV file
// (import): one set of rules, each problem named by row, column and reason. A list is
// replaced whole, so every row is checked before anything is written.

import type {
  CapacityHoliday,
  CapacityInventory,
  CapacityProfileRow,
  CapacityResourceKind,
  CapacityResourceType,
  CapacityRowError,
  CapacityWeeklySchedule,
} from '@caseload/contracts';
import { RESOURCE_KINDS, isIsoDate, isValidCode, normalizeCode } from '@caseload/domain';

export const CAPACITY_LISTS = ['resource-types', 'inventories', 'holidays', 'profiles'] as const;
export type CapacityList = (typeof CAPACITY_LISTS)[number];

export interface CapacityModel {
  resourceTypes: CapacityResourceType[];
  inventories: CapacityInventory[];
  holidays: CapacityHoliday[];
  profiles: CapacityProfileRow[];
}

export type ListRow<L extends CapacityList> = L extends 'resource-types'
  ? CapacityResourceType
  : L extends 'inventories'
    ? CapacityInventory
    : L extends 'holidays'
      ? CapacityHoliday
      : CapacityProfileRow;

/** The CSV columns of each list, in the order exports write them; imports match them case-insensitively. */
export const CSV_COLUMNS: Readonly<Record<CapacityList, readonly string[]>> = {
  'resource-types': ['key', 'name', 'kind'],
  inventories: ['department', 'resource_type', 'count', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'productive_hours_per_fte'],
  holidays: ['date', 'department', 'name'],
  profiles: ['code', 'resource_type', 'minutes'],
};

/** Columns that may be left out of a CSV (empty = the default). */
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['productive_hours_per_fte', 'department', 'name']);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const MAX_ROW_ERRORS = 1000;
export const MAX_ROWS = 200_000;
const MAX_UNITS = 100_000;
const MAX_PRODUCTIVE_HOURS = 8784;
const RESOURCE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** One row's cells by canonical (CSV) column name, and how to name a column in an error. */
export interface RowCells {
  /** 1-based: the CSV row number (header = 1), or the position in the JSON list. */
  row: number;
  value(column: string): unknown;
  label(column: string): string;
}

/** The outcome of checking a list: the rows, or every problem found. */
export type Checked<T> = { rows: T[]; errors: [] } | { rows: null; errors: CapacityRowError[] };

class RowErrors {
  readonly list: CapacityRowError[] = [];
  add(row: number | null, column: string | null, reason: string): void {
    if (this.list.length < MAX_ROW_ERRORS) this.list.push({ row, column, reason });
  }
}

function text(cells: RowCells, column: string): string {
  const raw = cells.value(column);
  if (raw === undefined || raw === null) return '';
  return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '\u0000';
}

function hasControl(value: string): boolean {
  return [...value].some((ch) => ch < ' ' || ch === '\u007f');
}

/** A number cell: a JSON number or decimal text; undefined when empty, NaN when not a number. */
function numberOf(cells: RowCells, column: string): number | undefined {
  const raw = cells.value(column);
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return Number.NaN;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$|^-?\.\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function departmentOf(cells: RowCells, column: string, errors: RowErrors, required: boolean): string | null {
  const value = text(cells, column);
  if (value === '') {
    if (required) errors.add(cells.row, cells.label(column), 'is empty; give the department code as the procedure lines name it');
    return null;
  }
  if (value.length > 32 || hasControl(value)) {
    errors.add(cells.row, cells.label(column), 'must be a department code of at most 32 characters, without control characters');
    return null;
  }
  return value;
}

function resourceTypeOf(cells: RowCells, column: string, errors: RowErrors, kinds: ReadonlyMap<string, CapacityResourceKind>): string | null {
  const value = text(cells, column);
  if (value === '') {
    errors.add(cells.row, cells.label(column), 'is empty; give a resource type key');
    return null;
  }
  if (!kinds.has(value)) {
    const known = [...kinds.keys()].slice(0, 20).join(', ');
    errors.add(cells.row, cells.label(column), `"${value.slice(0, 40)}" is not a resource type${known === '' ? ' (none is defined yet: load the resource types first)' : `; the types are ${known}${kinds.size > 20 ? ', …' : ''}`}`);
    return null;
  }
  return value;
}

function duplicates<T>(rows: readonly { row: number; value: T }[], key: (value: T) => string, column: string, describe: string, errors: RowErrors): void {
  const seen = new Map<string, number>();
  for (const { row, value } of rows) {
    const k = key(value);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, row);
    else errors.add(row, column, `repeats ${describe} of row ${first}`);
  }
}

function finish<T>(rows: { row: number; value: T }[], errors: RowErrors): Checked<T> {
  return errors.list.length > 0 ? { rows: null, errors: errors.list } : { rows: rows.map((r) => r.value), errors: [] };
}

export function checkResourceTypes(input: readonly RowCells[], model: CapacityModel): Checked<CapacityResourceType> {
  const errors = new RowErrors();
  const rows: { row: number; value: CapacityResourceType }[] = [];
  for (const cells of input) {
    const key = text(cells, 'key');
    const name = text(cells, 'name');
    const kind = text(cells, 'kind');
    const before = errors.list.length;
    if (!RESOURCE_KEY.test(key)) errors.add(cells.row, cells.label('key'), `"${key.slice(0, 40)}" must be a lower-case key of letters, digits and _ (at most 40, starting with a letter), e.g. mri_scanner`);
    if (name === '' || name.length > 100 || hasControl(name)) errors.add(cells.row, cells.label('name'), 'must be a name of 1 to 100 characters');
    if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) errors.add(cells.row, cells.label('kind'), `"${kind.slice(0, 40)}" must be equipment or staff`);
    if (errors.list.length === before) rows.push({ row: cells.row, value: { key, name, kind: kind as CapacityResourceKind } });
  }
  duplicates(rows, (t) => t.key, input[0]?.label('key') ?? 'key', 'the key', errors);
  // A type that inventories or profiles still name cannot go: they would point at nothing.
  const kept = new Set(rows.map((r) => r.value.key));
  const inUse = new Map<string, { inventories: number; profiles: number }>();
  for (const inventory of model.inventories) if (!kept.has(inventory.resourceType)) bump(inUse, inventory.resourceType, 'inventories');
  for (const profile of model.profiles) if (!kept.has(profile.resourceType)) bump(inUse, profile.resourceType, 'profiles');
  if (errors.list.length === 0) {
    for (const [key, uses] of inUse) {
      errors.add(null, 'key', `the resource type "${key}" is left out but ${uses.inventories} inventory rows and ${uses.profiles} profile rows name it; change or remove those first`);
    }
  }
  return finish(rows, errors);
}

function bump(map: Map<string, { inventories: number; profiles: number }>, key: string, what: 'inventories' | 'profiles'): void {
  const uses = map.get(key) ?? { inventories: 0, profiles: 0 };
  uses[what]++;
  map.set(key, uses);
}

export function checkInventories(input: readonly RowCells[], model: CapacityModel): Checked<CapacityInventory> {
  const errors = new RowErrors();
  const kinds = new Map(model.resourceTypes.map((t) => [t.key, t.kind]));
  const rows: { row: number; value: CapacityInventory }[] = [];
  for (const cells of input) {
    const before = errors.list.length;
    const department = departmentOf(cells, 'department', errors, true);
    const resourceType = resourceTypeOf(cells, 'resource_type', errors, kinds);
    const count = numberOf(cells, 'count');
    if (count === undefined || !Number.isFinite(count) || count < 0 || count > MAX_UNITS) {
      errors.add(cells.row, cells.label('count'), `must be the number of units or FTEs, from 0 to ${MAX_UNITS} (got "${String(cells.value('count') ?? '').slice(0, 20)}")`);
    }
    const schedule = WEEKDAYS.map((day) => {
      const hours = numberOf(cells, day);
      if (hours === undefined || !Number.isFinite(hours) || hours < 0 || hours > 24) {
        errors.add(cells.row, cells.label(day), `must be the hours of ${day}, from 0 to 24 (got "${String(cells.value(day) ?? '').slice(0, 20)}")`);
        return 0;
      }
      return hours;
    }) as CapacityWeeklySchedule;
    if (errors.list.length === before && schedule.every((h) => h === 0)) {
      errors.add(cells.row, cells.label('mon'), 'the weekly schedule has zero hours on every day: give the hours the equipment is open or the staff work');
    }
    const productive = numberOf(cells, 'productive_hours_per_fte');
    const kind = resourceType === null ? null : kinds.get(resourceType)!;
    if (productive !== undefined) {
      if (kind === 'equipment') {
        errors.add(cells.row, cells.label('productive_hours_per_fte'), `applies to staff only; leave it empty for the equipment "${resourceType}"`);
      } else if (!Number.isFinite(productive) || productive <= 0 || productive > MAX_PRODUCTIVE_HOURS) {
        errors.add(cells.row, cells.label('productive_hours_per_fte'), `must be the productive hours of 1 FTE in a year, above 0 and at most ${MAX_PRODUCTIVE_HOURS}, or empty for 1768`);
      }
    }
    if (errors.list.length === before) {
      rows.push({ row: cells.row, value: { department: department!, resourceType: resourceType!, count: count!, schedule, productiveHoursPerFte: productive ?? null } });
    }
  }
  duplicates(rows, (r) => `${r.department}\u0000${r.resourceType}`, input[0]?.label('resource_type') ?? 'resource_type', 'the department and resource type', errors);
  return finish(rows, errors);
}

export function checkHolidays(input: readonly RowCells[]): Checked<CapacityHoliday> {
  const errors = new RowErrors();
  const rows: { row: number; value: CapacityHoliday }[] = [];
  for (const cells of input) {
    const before = errors.list.length;
    const date = text(cells, 'date');
    if (!isIsoDate(date) || date < '1990-01-01' || date > '2100-12-31') errors.add(cells.row, cells.label('date'), `"${date.slice(0, 40)}" must be a real date as YYYY-MM-DD, from 1990 to 2100`);
    const department = departmentOf(cells, 'department', errors, false);
    const name = text(cells, 'name');
    if (name.length > 100 || hasControl(name)) errors.add(cells.row, cells.label('name'), 'must be at most 100 characters, without control characters');
    if (errors.list.length === before) rows.push({ row: cells.row, value: { date, department, name } });
  }
  duplicates(rows, (h) => `${h.date}\u0000${h.department ?? ''}`, input[0]?.label('date') ?? 'date', 'the date and department', errors);
  return finish(rows, errors);
}

export function checkProfiles(input: readonly RowCells[], model: CapacityModel): Checked<CapacityProfileRow> {
  const errors = new RowErrors();
  const kinds = new Map(model.resourceTypes.map((t) => [t.key, t.kind]));
  const rows: { row: number; value: CapacityProfileRow }[] = [];
  for (const cells of input) {
    const before = errors.list.length;
    const code = normalizeCode(text(cells, 'code'));
    if (!isValidCode(code)) errors.add(cells.row, cells.label('code'), `"${code.slice(0, 40)}" is not a CPT or HCPCS code`);
    const resourceType = resourceTypeOf(cells, 'resource_type', errors, kinds);
    const minutes = numberOf(cells, 'minutes');
    if (minutes === undefined || !Number.isFinite(minutes) || minutes <= 0 || minutes > 1440) {
      errors.add(cells.row, cells.label('minutes'), `must be the minutes one unit takes, above 0 and at most 1440 (got "${String(cells.value('minutes') ?? '').slice(0, 20)}")`);
    } else if (Math.round(minutes * 100) !== minutes * 100) {
      errors.add(cells.row, cells.label('minutes'), 'has more than two decimal places');
    }
    if (errors.list.length === before) rows.push({ row: cells.row, value: { code, resourceType: resourceType!, minutes: minutes! } });
  }
  duplicates(rows, (p) => `${p.code}\u0000${p.resourceType}`, input[0]?.label('resource_type') ?? 'resource_type', 'the code and resource type', errors);
  return finish(rows, errors);
}

export function checkList<L extends CapacityList>(list: L, input: readonly RowCells[], model: CapacityModel): Checked<ListRow<L>> {
  if (input.length > MAX_ROWS) return { rows: null, errors: [{ row: null, column: null, reason: `the list has ${input.length} rows; at most ${MAX_ROWS} are taken` }] };
  switch (list) {
    case 'resource-types':
      return checkResourceTypes(input, model) as Checked<ListRow<L>>;
    case 'inventories':
      return checkInventories(input, model) as Checked<ListRow<L>>;
    case 'holidays':
      return checkHolidays(input) as Checked<ListRow<L>>;
    default:
      return checkProfiles(input, model) as Checked<ListRow<L>>;
  }
}

// --- JSON ----------------------------------------------------------------------------

const JSON_FIELD: Readonly<Record<string, string>> = { resource_type: 'resourceType', productive_hours_per_fte: 'productiveHoursPerFte' };

/** The cells of a PUT body's rows; `null` with a reason when the body is not `{rows: [objects]}`. */
export function jsonCells(body: unknown): RowCells[] | CapacityRowError {
  const rows = typeof body === 'object' && body !== null ? (body as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) return { row: null, column: 'rows', reason: 'send {"rows": [...]}: the whole new list' };
  const cells: RowCells[] = [];
  for (let i = 0; i < rows.length; i++) {
    const item: unknown = rows[i];
    const object = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    const schedule = Array.isArray(object['schedule']) ? (object['schedule'] as unknown[]) : [];
    cells.push({
      row: i + 1,
      value(column) {
        const day = (WEEKDAYS as readonly string[]).indexOf(column);
        if (day >= 0) return schedule.length === 7 ? schedule[day] : undefined;
        return object[JSON_FIELD[column] ?? column];
      },
      label(column) {
        const day = (WEEKDAYS as readonly string[]).indexOf(column);
        return day >= 0 ? `schedule[${day}]` : (JSON_FIELD[column] ?? column);
      },
    });
  }
  return cells;
}

// --- CSV -----------------------------------------------------------------------------

/** The cells of a CSV's records (header first), or the file-level problems (a missing column). */
export function csvCells(list: CapacityList, records: readonly string[][]): RowCells[] | CapacityRowError[] {
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const columns = CSV_COLUMNS[list];
  const missing = columns.filter((column) => !OPTIONAL_COLUMNS.has(column) && !header.includes(column));
  if (records.length === 0) return [{ row: null, column: null, reason: `the file is empty; its header row should be ${columns.join(',')}` }];
  if (missing.length > 0) {
    return missing.map((column) => ({ row: 1, column, reason: `the header has no "${column}" column; the columns are ${columns.join(',')}` }));
  }
  const unknown = header.filter((name) => name !== '' && !columns.includes(name));
  if (unknown.length > 0) return unknown.map((name) => ({ row: 1, column: name.slice(0, 64), reason: `is not a column of this list; the columns are ${columns.join(',')}` }));
  const index = new Map(header.map((name, i) => [name, i]));
  const cells: RowCells[] = [];
  records.slice(1).forEach((record, i) => {
    // A blank line (a trailing one, say) is not a row.
    if (record.length === 1 && record[0]!.trim() === '') return;
    cells.push({
      row: i + 2,
      value: (column) => {
        const at = index.get(column);
        return at === undefined ? undefined : record[at];
      },
      label: (column) => column,
    });
  });
  return cells;
}

/** A list's rows as CSV cells, in CSV_COLUMNS order. */
export function csvRecordsOf<L extends CapacityList>(list: L, rows: readonly ListRow<L>[]): string[][] {
  const number = (n: number | null): string => (n === null ? '' : String(n));
  return rows.map((row) => {
    switch (list) {
      case 'resource-types': {
        const t = row as CapacityResourceType;
        return [t.key, t.name, t.kind];
      }
      case 'inventories': {
        const inv = row as CapacityInventory;
        return [inv.department, inv.resourceType, number(inv.count), ...inv.schedule.map(number), number(inv.productiveHoursPerFte)];
      }
      case 'holidays': {
        const h = row as CapacityHoliday;
        return [h.date, h.department ?? '', h.name];
      }
      default: {
        const p = row as CapacityProfileRow;
        return [p.code, p.resourceType, number(p.minutes)];
      }
    }
  });
}
