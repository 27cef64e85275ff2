/** The export formats a report writes (DESIGN §6). */
export type ReportFormat = 'csv' | 'xlsx' | 'pdf' | 'arrow';

/** A date range that moves with the day the report runs, or a fixed one. */
export type ReportRange =
  | { preset: 'last_month' | 'last_quarter' | 'last_12_months' | 'year_to_date' | 'previous_year' }
  | { preset: 'fixed'; from: string; to: string };

/** When a report runs by itself: a cron expression (minute hour day-of-month month day-of-week) in the server's time zone. */
export interface ReportSchedule {
  /** `daily`, `weekly` and `monthly` are written as cron expressions; `cron` is any expression. */
  frequency: 'daily' | 'weekly' | 'monthly' | 'cron';
  cron: string;
}

/** POST /api/v1/reports and PATCH /api/v1/reports/:id (every field on create; any subset on update). */
export interface ReportInput {
  name: string;
  /** The aggregate query without its dates: measures, groupBy, grain, filters, orderBy, limit, compare. */
  query: Record<string, string>;
  range: ReportRange;
  format: ReportFormat;
  /** Small-cell suppression (always on for viewers). */
  suppress: boolean;
  /** Null: runs only when asked. */
  schedule: ReportSchedule | null;
  /** Write each run's file to the reports folder (kept under the data directory). */
  writeFile: boolean;
  /** POST each run's file here (http or https); null for none. */
  webhookUrl: string | null;
}

export type ReportRunStatus = 'running' | 'succeeded' | 'failed';

export interface ReportRun {
  id: number;
  reportId: number;
  trigger: 'schedule' | 'manual';
  status: ReportRunStatus;
  /** Tries so far; a failed try is retried up to the limit. */
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  /** The date range the run resolved. */
  from: string;
  to: string;
  bytes: number | null;
  /** Whether the file is kept and can be downloaded (GET …/runs/:runId/file). */
  hasFile: boolean;
  /** The webhook's answer status, when one was sent. */
  webhookStatus: number | null;
  /** Why the last try failed, in words a person can act on. */
  error: string | null;
}

export interface SavedReport extends ReportInput {
  id: number;
  owner: string;
  createdAt: string;
  updatedAt: string;
  /** The next time the schedule runs it; null without a schedule. */
  nextRunAt: string | null;
  lastRun: ReportRun | null;
}

export interface ReportsResponse {
  reports: SavedReport[];
}

export interface ReportRunsResponse {
  runs: ReportRun[];
}
