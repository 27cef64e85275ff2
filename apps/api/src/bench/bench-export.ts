import { request } from 'node:http';
import { memoryUsage } from 'node:process';
import { performance } from 'node:perf_hooks';
import { addDays, addYears, type IsoDate } from '@caseload/domain';

export type ExportBenchFormat = 'csv' | 'xlsx' | 'arrow';

export interface ExportBenchResult {
  format: ExportBenchFormat;
  query: string;
  status: number;
  /** Rows of the file, as the server's audit entry counts them. */
  rows: number;
  bytes: number;
  /** From the request to the first byte of the body, and to the last, client side. */
  firstByteMs: number;
  totalMs: number;
  rowsPerSecond: number;
  /** Rows/s from the first byte to the last: the writer's pace once the database has answered. */
  streamRowsPerSecond: number;
  /** This process's RSS (the server's: it runs here) before the request, and its peak during it. */
  rssBeforeBytes: number;
  rssPeakBytes: number;
  rssGrowthBytes: number;
}

/** The rows/s each format is held to; memory growth ≤ 100 MB for every format. */
export const EXPORT_TARGETS: Record<ExportBenchFormat, number | null> = { csv: 200_000, xlsx: 50_000, arrow: null };
export const EXPORT_MEMORY_TARGET_BYTES = 100 * 2 ** 20;

/**
 * Every day of two years up to yesterday, by department and code: each department × code pair
 * with any line in the range gets a row per day (zeros included, DESIGN §4). On the 10M-line
 * bench data (45 departments, 673 codes, ~1,500 pairs) that is about 1.1M rows.
 */
export function exportQuery(yesterday: IsoDate): string {
  const from = addDays(addYears(yesterday, -2), 1);
  return `measures=lines,charges&groupBy=period,department,code&grain=day&from=${from}&to=${yesterday}&suppress=false`;
}

interface Download {
  status: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  error: string | null;
}

/** Downloads and discards the body (the client shares the server's process: it must hold nothing). */
function download(port: number, token: string, path: string): Promise<Download> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = Number.NaN;
    let bytes = 0;
    const req = request({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      res.on('error', (error) => resolve({ status: res.statusCode ?? 0, bytes, firstByteMs, totalMs: performance.now() - started, error: error.message }));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, firstByteMs, totalMs: performance.now() - started, error: null }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function auditedRows(port: number, token: string): Promise<number> {
  const answer = await new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/v1/audit?action=export&limit=1', headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  const entry = (JSON.parse(answer) as { entries: Array<{ details: { rows?: number } }> }).entries[0];
  return entry?.details.rows ?? 0;
}

/**
 * The export section: the same large query as CSV, XLSX and Arrow through GET /api/v1/export,
 * one after the other; rows/s from request to last byte, and the growth of this process's RSS
 * (sampled every 20 ms) over its value before each request.
 */
export async function runExports(port: number, token: string, yesterday: IsoDate, log: (line: string) => void): Promise<ExportBenchResult[]> {
  const query = exportQuery(yesterday);
  const results: ExportBenchResult[] = [];
  for (const format of ['csv', 'xlsx', 'arrow'] as const) {
    const rssBeforeBytes = memoryUsage.rss();
    let rssPeakBytes = rssBeforeBytes;
    const timer = setInterval(() => (rssPeakBytes = Math.max(rssPeakBytes, memoryUsage.rss())), 20);
    let answer: Download;
    try {
      answer = await download(port, token, `/api/v1/export?${query}&format=${format}`);
    } finally {
      clearInterval(timer);
    }
    rssPeakBytes = Math.max(rssPeakBytes, memoryUsage.rss());
    if (answer.status !== 200 || answer.error !== null) throw new Error(`export ${format} answered ${answer.status}${answer.error === null ? '' : ` and broke off: ${answer.error}`}`);
    const rows = await auditedRows(port, token);
    const result: ExportBenchResult = {
      format,
      query,
      status: answer.status,
      rows,
      bytes: answer.bytes,
      firstByteMs: answer.firstByteMs,
      totalMs: answer.totalMs,
      rowsPerSecond: rows / (answer.totalMs / 1000),
      streamRowsPerSecond: rows / ((answer.totalMs - answer.firstByteMs) / 1000),
      rssBeforeBytes,
      rssPeakBytes,
      rssGrowthBytes: rssPeakBytes - rssBeforeBytes,
    };
    results.push(result);
    const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
    log(
      `  ${format.padEnd(5)} ${rows.toLocaleString('en-US')} rows, ${mb(answer.bytes)} in ${(answer.totalMs / 1000).toFixed(1)} s (first byte after ${(answer.firstByteMs / 1000).toFixed(1)} s): ` +
        `${Math.round(result.rowsPerSecond).toLocaleString('en-US')} rows/s (${Math.round(result.streamRowsPerSecond).toLocaleString('en-US')} rows/s after the first byte); RSS ${mb(rssBeforeBytes)} → peak ${mb(rssPeakBytes)} (+${mb(result.rssGrowthBytes)})`,
    );
  }
  return results;
}
