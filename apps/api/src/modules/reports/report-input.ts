import { Cron } from 'croner';
import type { ReportFormat, ReportInput, ReportRange, ReportSchedule, Role } from '@caseload/contracts';
import { REPORT_RANGE_PRESETS, isIsoDate, resolveReportRange, type IsoDate } from '@caseload/domain';
import { AppException, InvalidParameterException } from '../../common/app.exception.js';
import { parseExportRequest, type ExportRequest } from '../export/export-query.js';
import { ReportInvalidException } from './reports.exception.js';

const FORMATS: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf', 'arrow'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'cron'] as const;
/** What `daily`, `weekly` and `monthly` mean: 06:00, on Mondays, on the 1st. */
export const PRESET_CRONS: Readonly<Record<'daily' | 'weekly' | 'monthly', string>> = { daily: '0 6 * * *', weekly: '0 6 * * 1', monthly: '0 6 1 * *' };
/** The date parameters belong to the range, not the query. */
const DATED = ['from', 'to', 'format', 'suppress', 'bom'];
const MAX_NAME = 200;
const MAX_URL = 2000;

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ReportInvalidException('name', 'give the report a name');
  if (value.trim().length > MAX_NAME) throw new ReportInvalidException('name', `is longer than ${MAX_NAME} characters`);
  return value.trim();
}

function checkQuery(value: unknown): Record<string, string> {
  if (!isObject(value)) throw new ReportInvalidException('query', 'must be an object of aggregate parameters, such as {"measures": "lines", "groupBy": "department"}');
  const query: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (DATED.includes(name)) throw new ReportInvalidException(`query.${name}`, name === 'from' || name === 'to' ? 'the dates are the report’s range' : `is a field of the report, not of its query`);
    if (typeof item !== 'string') throw new ReportInvalidException(`query.${name}`, 'must be text, as in a query string');
    query[name] = item;
  }
  return query;
}

function checkRange(value: unknown): ReportRange {
  if (!isObject(value) || typeof value['preset'] !== 'string' || !(REPORT_RANGE_PRESETS as readonly string[]).includes(value['preset'])) {
    throw new ReportInvalidException('range', `must be {"preset": one of ${REPORT_RANGE_PRESETS.join(', ')}} (fixed with from and to)`);
  }
  if (value['preset'] !== 'fixed') return { preset: value['preset'] as Exclude<ReportRange['preset'], 'fixed'> } as ReportRange;
  const { from, to } = value;
  if (typeof from !== 'string' || !isIsoDate(from)) throw new ReportInvalidException('range.from', 'must be a date as YYYY-MM-DD');
  if (typeof to !== 'string' || !isIsoDate(to)) throw new ReportInvalidException('range.to', 'must be a date as YYYY-MM-DD');
  if (from > to) throw new ReportInvalidException('range.from', `(${from}) is after range.to (${to})`);
  return { preset: 'fixed', from, to };
}

function checkSchedule(value: unknown, timeZone: string): ReportSchedule | null {
  if (value === null) return null;
  if (!isObject(value) || !(FREQUENCIES as readonly string[]).includes(String(value['frequency']))) {
    throw new ReportInvalidException('schedule', `must be null or {"frequency": one of ${FREQUENCIES.join(', ')}} (cron with "cron")`);
  }
  const frequency = value['frequency'] as ReportSchedule['frequency'];
  const cron = frequency === 'cron' ? value['cron'] : PRESET_CRONS[frequency];
  if (typeof cron !== 'string' || cron.trim() === '') throw new ReportInvalidException('schedule.cron', 'give a cron expression, such as "0 6 * * 1" (06:00 on Mondays)');
  try {
    const probe = new Cron(cron.trim(), { paused: true, timezone: timeZone });
    const next = probe.nextRun();
    probe.stop();
    if (next === null) throw new Error('it never runs');
  } catch (error) {
    throw new ReportInvalidException('schedule.cron', `"${cron.slice(0, 60)}" is not a cron expression that runs: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { frequency, cron: cron.trim() };
}

function checkWebhook(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > MAX_URL) throw new ReportInvalidException('webhookUrl', `must be an http or https address of at most ${MAX_URL} characters, or null`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ReportInvalidException('webhookUrl', `"${value.slice(0, 60)}" is not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ReportInvalidException('webhookUrl', 'must start with http:// or https://');
  if (url.username !== '' || url.password !== '') throw new ReportInvalidException('webhookUrl', 'must not carry a user name or password; put a token in its path or query instead');
  return url.toString();
}

function checkFlag(body: Body, name: string): boolean {
  if (typeof body[name] !== 'boolean') throw new ReportInvalidException(name, 'must be true or false');
  return body[name] as boolean;
}

/** The date range a report's run covers on `today`. */
export function runRange(range: ReportRange, today: IsoDate): { from: IsoDate; to: IsoDate } {
  return range.preset === 'fixed' ? { from: range.from, to: range.to } : resolveReportRange(range.preset, today);
}

/** The export request of a run: the same parser as GET /export, so the same rules and messages. */
export function exportRequestOf(input: Pick<ReportInput, 'query' | 'range' | 'format' | 'suppress'>, role: Role, today: IsoDate): ExportRequest {
  const { from, to } = runRange(input.range, today);
  return parseExportRequest({ ...input.query, from, to, format: input.format, suppress: String(input.suppress) }, today, role);
}

/**
 * Checks a report as given (`existing` for an update: the fields left out keep their values).
 * The query is tried through the export's own parser for the owner's role, so a report
 * that saves is a report that runs.
 */
export function checkReportInput(body: unknown, existing: ReportInput | null, role: Role, today: IsoDate, timeZone: string, editor: Role = role): ReportInput {
  if (!isObject(body)) throw new ReportInvalidException('body', 'send the report as a JSON object');
  const known = ['name', 'query', 'range', 'format', 'suppress', 'schedule', 'writeFile', 'webhookUrl'];
  for (const name of Object.keys(body)) {
    if (!known.includes(name)) throw new ReportInvalidException(name, `is not a field of a report; the fields are ${known.join(', ')}`);
  }
  const has = (name: string) => Object.hasOwn(body, name) || existing === null;
  const format = has('format') ? body['format'] : existing!.format;
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) throw new ReportInvalidException('format', `must be one of ${FORMATS.join(', ')}`);
  const input: ReportInput = {
    name: has('name') ? checkName(body['name']) : existing!.name,
    query: has('query') ? checkQuery(body['query']) : existing!.query,
    range: has('range') ? checkRange(body['range']) : existing!.range,
    format: format as ReportFormat,
    suppress: has('suppress') ? checkFlag(body, 'suppress') : existing!.suppress,
    schedule: has('schedule') ? checkSchedule(body['schedule'] ?? null, timeZone) : existing!.schedule,
    writeFile: has('writeFile') ? checkFlag(body, 'writeFile') : existing!.writeFile,
    webhookUrl: has('webhookUrl') ? checkWebhook(body['webhookUrl'] ?? null) : existing!.webhookUrl,
  };
  // The server POSTs to the address from inside the hospital's network: only an administrator
  // may point it somewhere.
  if (input.webhookUrl !== null && input.webhookUrl !== existing?.webhookUrl && editor !== 'admin') {
    throw new ReportInvalidException('webhookUrl', 'only an administrator can send reports to a webhook; leave it empty, or ask an administrator to set it');
  }
  if (input.schedule !== null && !input.writeFile && input.webhookUrl === null) {
    throw new ReportInvalidException('schedule', 'a scheduled report needs somewhere to go: set writeFile, a webhookUrl, or both');
  }
  try {
    exportRequestOf(input, role, today);
  } catch (error) {
    if (error instanceof InvalidParameterException && error.parameter === 'suppress') throw new ReportInvalidException('suppress', error.message.slice('suppress: '.length));
    if (error instanceof AppException) throw new ReportInvalidException('query', error.message);
    throw error;
  }
  return input;
}
