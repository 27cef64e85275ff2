import type { AggregateResponse } from '@caseload/contracts';
import type { BenchClient } from './bench-http.js';
import { aggregatePath, type Question } from './bench-questions.js';
import { latency, type Latency } from './bench-stats.js';

export interface SuiteResult {
  question: Question;
  path: string;
  /** The warm-up request: the first after the refresh import, so before any cache holds it. */
  firstMs: number;
  /** Asked with Cache-Control: no-cache: the engine computes the answer every time. */
  cold: Latency;
  /** Asked as the pages ask: a repeated question may be answered from a cache. */
  cached: Latency;
  /** The API's total for the question's check measure (compared with the raw baseline). */
  total: number | null;
  rows: number;
}

async function rounds(client: BenchClient, paths: string[], repeat: number, fresh: boolean, label: string): Promise<number[][]> {
  const samples = paths.map((): number[] => []);
  for (let round = 1; round <= repeat; round++) {
    for (const [i, path] of paths.entries()) {
      const answer = await client.get(path, fresh);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      samples[i]!.push(answer.ms);
    }
    if (round % 10 === 0 || round === repeat) console.log(`  suite, ${label}: round ${round}/${repeat}`);
  }
  return samples;
}

/**
 * The dashboard suite through HTTP, timed by the client: every request once to warm up,
 * then `repeat` rounds over the whole suite computed afresh, then `repeat` rounds as the
 * pages ask (round-robin, as pages interleave their requests).
 */
export async function runSuite(client: BenchClient, questions: Question[], repeat: number): Promise<SuiteResult[]> {
  const paths = questions.map(aggregatePath);
  const warm: Array<{ total: number | null; rows: number; firstMs: number }> = [];
  for (const [i, question] of questions.entries()) {
    // An aggregate answer, or a reimbursement route's (totals too; rows by department for the what-if).
    const { body, ms } = await client.json<Partial<Pick<AggregateResponse, 'totals'>> & { rows?: unknown[]; byDepartment?: unknown[]; series?: unknown[] }>(paths[i]!);
    const total = (body.totals as Record<string, number | null> | undefined)?.[question.check] ?? null;
    warm.push({ total, rows: (body.rows ?? body.byDepartment ?? body.series ?? []).length, firstMs: ms });
  }
  const cold = await rounds(client, paths, repeat, true, 'computed afresh (no-cache)');
  const cached = await rounds(client, paths, repeat, false, 'as the pages ask');
  return questions.map((question, i) => ({ question, path: paths[i]!, cold: latency(cold[i]!), cached: latency(cached[i]!), ...warm[i]! }));
}
