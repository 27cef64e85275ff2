import { performance } from 'node:perf_hooks';
import type { BenchClient } from './bench-http.js';
import { aggregatePath, type Question } from './bench-questions.js';
import { latency, type Latency } from './bench-stats.js';

export interface ConcurrencyResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latency: Latency;
}

/**
 * `clients` loops over the suite, each from its own place in it, until the deadline; a
 * request started before the deadline is waited for and counted.
 */
export async function runConcurrency(client: BenchClient, questions: Question[], clients: number, durationSeconds: number): Promise<ConcurrencyResult> {
  const paths = questions.map(aggregatePath);
  const samples: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const ticker = setInterval(() => console.log(`  concurrency: ${samples.length.toLocaleString('en-US')} requests so far`), 5_000);
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const answer = await client.time(paths[i % paths.length]!);
      if (answer.status === 200) samples.push(answer.ms);
      else errors++;
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, (_, c) => loop(Math.floor((c * paths.length) / clients))));
  } finally {
    clearInterval(ticker);
  }
  const seconds = (performance.now() - started) / 1000;
  return { clients, seconds, requests: samples.length, errors, requestsPerSecond: samples.length / seconds, latency: latency(samples) };
}
