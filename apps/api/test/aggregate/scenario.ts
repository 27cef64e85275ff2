import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregateResponse, AggregateRow, ApiErrorResponse } from '@caseload/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The scenario and its hand-worked totals: ../fixtures/aggregate/README.md (lines L1 … L44).
export const SCENARIO_CSV = readFileSync(join(__dirname, '../fixtures/aggregate/scenario.csv'), 'utf8');

/** The service dates of L1 … L44, read straight from the file (no code under test involved). */
export const SCENARIO_DATES: string[] = SCENARIO_CSV.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[3]!);

/** A range that holds every line of the scenario (2020-12-27 … 2026-11-02). */
export const WHOLE = 'from=2020-01-01&to=2026-11-27';

export const ALL_MEASURES = 'measures=lines,units,encounters,patients,charges,allowed,paid,denial_rate';

/** A real app on a fresh database with the scenario imported; refuses to go on if any line was not loaded. */
export async function startScenarioApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startTestApp(env);
  const status = await t.importCsv(SCENARIO_CSV, 'scenario.csv');
  if (status.status !== 'completed' || status.rowsLoaded !== 44 || status.rowsRejected !== 0) {
    await t.close();
    throw new Error(`the scenario did not load whole: ${JSON.stringify(status)}`);
  }
  return t;
}

export function aggregate(t: TestApp, query: string): Promise<AggregateResponse> {
  return t.getJson<AggregateResponse>(`/api/v1/aggregate?${query}`);
}

/** The answer to a query that must be refused: status and body. */
export async function refusal(t: TestApp, query: string): Promise<{ status: number; body: ApiErrorResponse }> {
  const response = await t.get(`/api/v1/aggregate?${query}`);
  return { status: response.status, body: (await response.json()) as ApiErrorResponse };
}

/** Rows keyed by the labels of the given dimensions joined with `|` (null written as `null`). */
export function byLabels(rows: AggregateRow[], ...dimensions: string[]): Record<string, AggregateRow> {
  const keyed: Record<string, AggregateRow> = {};
  for (const row of rows) {
    const key = dimensions.map((dimension) => String(row[dimension])).join('|');
    if (key in keyed) throw new Error(`two rows for ${key}`);
    keyed[key] = row;
  }
  return keyed;
}

/** One column of the rows, in the order the API answered. */
export function column(rows: AggregateRow[], name: string): AggregateRow[string][] {
  return rows.map((row) => row[name] ?? null);
}
