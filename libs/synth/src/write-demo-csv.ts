import { DemoCsvEncoder } from './demo-csv-encoder.js';
import { LineEngine } from './line-engine.js';
import type { SynthOptions } from './synth-options.js';

/**
 * Writes the header and `opts.lines` rows to `out` as ~64 KB Buffers, waiting for 'drain'
 * whenever the stream asks, then ends `out` and resolves once it has finished (the file is
 * complete). process.stdout and process.stderr are left open.
 */
export async function writeDemoCsv(opts: SynthOptions, out: NodeJS.WritableStream): Promise<{ lines: number }> {
  const engine = new LineEngine(opts);
  let failure: unknown;
  const onError = (err: unknown): void => {
    failure ??= err;
  };
  out.on('error', onError);
  try {
    const encoder = new DemoCsvEncoder(engine);
    let lines = 0;
    while (engine.next()) {
      lines++;
      const chunk = encoder.push();
      if (chunk) await send(out, chunk, () => failure);
    }
    const rest = encoder.flush();
    if (rest.length > 0) await send(out, rest, () => failure);
    await finished(out);
    return { lines };
  } finally {
    out.off('error', onError);
  }
}

async function send(out: NodeJS.WritableStream, chunk: Buffer, failed: () => unknown): Promise<void> {
  if (failed() !== undefined) throw failed();
  if (!out.write(chunk)) await drained(out);
  if (failed() !== undefined) throw failed();
}

/** Resolves on 'drain'; rejects if the stream fails or closes first. */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if ((out as { destroyed?: boolean }).destroyed) {
      reject(new Error('output stream closed before the demo CSV was written'));
      return;
    }
    const settle = (err?: unknown): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (err === undefined) resolve();
      else reject(err);
    };
    const onDrain = (): void => settle();
    const onError = (err: unknown): void => settle(err ?? new Error('stream error'));
    const onClose = (): void => settle(new Error('output stream closed before the demo CSV was written'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

/** Ends the stream and waits for 'finish'; standard output and error are only flushed. */
function finished(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out === process.stdout || out === process.stderr) {
      out.write('', () => resolve());
      return;
    }
    const onError = (err: unknown): void => {
      out.off('finish', onFinish);
      reject(err);
    };
    const onFinish = (): void => {
      out.off('error', onError);
      resolve();
    };
    out.once('finish', onFinish);
    out.once('error', onError);
    out.end();
  });
}
