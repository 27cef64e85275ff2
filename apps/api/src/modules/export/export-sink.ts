import type { Readable, Writable } from 'node:stream';

/** The client went away (or the socket failed) while a file was being written to it. */
export class ExportAbortedError extends Error {
  constructor(reason: string) {
    super(`the export was abandoned: ${reason}`);
  }
}

/**
 * Resolves when `stream` can take more; rejects when it closes or fails first, or when `alongside`
 * (the stream it feeds, when that is another) closes: then nothing will drain it any more.
 */
export function drained(stream: Writable, alongside?: Writable): Promise<void> {
  const watched = alongside === undefined || alongside === stream ? [stream] : [stream, alongside];
  if (watched.some((s) => s.destroyed)) return Promise.reject(new ExportAbortedError('the stream was closed'));
  return new Promise((resolve, reject) => {
    const done = (error?: unknown) => {
      stream.off('drain', onDrain);
      for (const s of watched) {
        s.off('close', onClose);
        s.off('error', done);
      }
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new ExportAbortedError(String(error)));
    };
    const onDrain = () => done();
    const onClose = () => done(new ExportAbortedError('the stream was closed'));
    stream.on('drain', onDrain);
    for (const s of watched) {
      s.on('close', onClose);
      s.on('error', done);
    }
  });
}

/**
 * Where a streamed file goes (the HTTP response): each write waits for the socket to drain when
 * its buffer is full, so the rows are read from the database no faster than the client takes them.
 */
export class ExportSink {
  bytes = 0;

  constructor(private readonly out: Writable) {}

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.out.destroyed || this.out.writableEnded) throw new ExportAbortedError('the client went away');
    if (chunk.length === 0) return;
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!this.out.write(chunk)) await drained(this.out);
  }

  /** Copies a readable into the sink, chunk by chunk, at the pace the client takes it. */
  async pipeFrom(source: Readable): Promise<void> {
    for await (const chunk of source) await this.write(chunk as Uint8Array);
  }
}
