import type { ReportFormat, ReportInput, ReportSchedule, Role, SavedReport } from '@caseload/contracts';
import { ApiError } from '../../../api/api-error';
import { reportQuery } from './report-query';
import type { BuilderState } from './report-query';

/** The schedules the form offers; `custom` takes any cron expression. */
export const SCHEDULE_CHOICES = ['none', 'daily', 'weekly', 'monthly', 'custom'] as const;
export type ScheduleChoice = (typeof SCHEDULE_CHOICES)[number];

export const SCHEDULE_LABELS: Readonly<Record<ScheduleChoice, string>> = {
  none: 'None (run by hand)',
  daily: 'Daily at 06:00',
  weekly: 'Weekly, Mondays at 06:00',
  monthly: 'Monthly, on the 1st at 06:00',
  custom: 'Custom (cron)',
};

/** The delivery half of a report: what the save form holds. */
export interface SaveFormState {
  name: string;
  format: ReportFormat;
  suppress: boolean;
  schedule: ScheduleChoice;
  cron: string;
  writeFile: boolean;
  webhookUrl: string;
}

export const DEFAULT_SAVE_FORM: SaveFormState = { name: '', format: 'csv', suppress: true, schedule: 'none', cron: '', writeFile: true, webhookUrl: '' };

/** Viewers' files always have small cells hidden (DESIGN §7); an unknown role is treated the same. */
export function canTurnOffSuppression(role: Role | null | undefined): boolean {
  return role === 'admin' || role === 'analyst';
}

export function scheduleOf(form: Pick<SaveFormState, 'schedule' | 'cron'>): ReportSchedule | null {
  switch (form.schedule) {
    case 'none':
      return null;
    case 'custom':
      return { frequency: 'cron', cron: form.cron.trim() };
    default:
      // The server writes the cron of daily, weekly and monthly itself.
      return { frequency: form.schedule, cron: '' };
  }
}

/** The body of POST /reports (or PATCH): the builder's question and the form's delivery. */
export function reportInputOf(builder: BuilderState, form: SaveFormState, role: Role | null | undefined): ReportInput {
  return {
    name: form.name.trim(),
    query: reportQuery(builder),
    range: builder.range,
    format: form.format,
    suppress: canTurnOffSuppression(role) ? form.suppress : true,
    schedule: scheduleOf(form),
    writeFile: form.writeFile,
    webhookUrl: form.webhookUrl.trim() === '' ? null : form.webhookUrl.trim(),
  };
}

/** The form of a saved report, to edit it. */
export function saveFormOf(report: SavedReport): SaveFormState {
  const schedule: ScheduleChoice = report.schedule === null ? 'none' : report.schedule.frequency === 'cron' ? 'custom' : report.schedule.frequency;
  return {
    name: report.name,
    format: report.format,
    suppress: report.suppress,
    schedule,
    cron: report.schedule?.cron ?? '',
    writeFile: report.writeFile,
    webhookUrl: report.webhookUrl ?? '',
  };
}

/** Where an API message belongs: a field of the form, the builder's query or its range. */
export type ReportField = 'name' | 'format' | 'suppress' | 'schedule' | 'cron' | 'writeFile' | 'webhookUrl' | 'query' | 'range';

export interface ReportFormErrors {
  fields: Partial<Record<ReportField, string>>;
  /** What names no field. */
  form: string | null;
}

const FIELD_OF: Readonly<Record<string, ReportField>> = {
  name: 'name',
  format: 'format',
  suppress: 'suppress',
  schedule: 'schedule',
  'schedule.cron': 'cron',
  writeFile: 'writeFile',
  webhookUrl: 'webhookUrl',
  query: 'query',
  range: 'range',
  'range.from': 'range',
  'range.to': 'range',
};

/**
 * Puts the API's refusal beside the field it names: the message starts with the field
 * (`schedule.cron: "x" is not …`, `query: measures: …`), which is dropped, and the rest
 * reads as a sentence. `query.<name>` belongs to the query. Anything else is for the form.
 */
export function reportErrorsFrom(error: unknown): ReportFormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: 'Something went wrong. Try again.' };
  const match = /^\s*([A-Za-z][\w.]*)\s*:\s*(.+)$/s.exec(error.message);
  const name = match?.[1] ?? '';
  const field = FIELD_OF[name] ?? (name.startsWith('query.') ? 'query' : undefined);
  if (!match || field === undefined || error.status !== 400) return { fields: {}, form: error.message };
  const rest = match[2]!.trim();
  const text = field === 'query' && name.startsWith('query.') ? `${name.slice('query.'.length)}: ${rest}` : rest;
  return { fields: { [field]: text.charAt(0).toUpperCase() + text.slice(1) }, form: null };
}
