import type { AggregateResponse } from '@caseload/contracts';
import type { BenchClient } from './bench-http.js';
import { aggregatePath, type Question } from './bench-questions.js';
import { latency, type Latency } from './bench-stats.js';

export interface SuiteResult {
  question: Question;
  path: string;
  latency: Latency;
  /** The API's total for the question's check measure (compared with the raw baseline). */
  total: number | null;
  rows: number;
}

/**
 * The dashboard suite through HTTP: every request once to warm up, then `repeat` rounds over
 * the whole suite (round-robin, as pages interleave their requests), timed by the client.
 */
export async function runSuite(client: BenchClient, questions: Question[], repeat: number): Promise<SuiteResult[]> {
  const paths = questions.map(aggregatePath);
  const warm: Array<{ total: number | null; rows: number }> = [];
  for (const [i, question] of questions.entries()) {
    const { body } = await client.json<AggregateResponse>(paths[i]!);
    warm.push({ total: body.totals[question.check] ?? null, rows: body.rows.length });
  }
  const samples = questions.map((): number[] => []);
  for (let round = 1; round <= repeat; round++) {
    for (const [i, path] of paths.entries()) {
      const answer = await client.get(path);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      samples[i]!.push(answer.ms);
    }
    if (round % 10 === 0 || round === repeat) console.log(`  suite: round ${round}/${repeat}`);
  }
  return questions.map((question, i) => ({ question, path: paths[i]!, latency: latency(samples[i]!), ...warm[i]! }));
}
