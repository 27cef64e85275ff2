import { Writable } from 'node:stream';
import { ExportSink } from '../../export-sink.js';

/** A sink that keeps what it is sent, as a response that a client reads at once would. */
export function collecting(): { sink: ExportSink; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { sink: new ExportSink(out), bytes: () => Buffer.concat(chunks) };
}
