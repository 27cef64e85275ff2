import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ExportResult } from '../export/export.service.js';
import { ExportSink } from '../export/export-sink.js';

/** Writes an export (built in memory or streamed from the database) to a file; answers its bytes. */
export async function writeExportToFile(file: ExportResult, path: string): Promise<number> {
  const out = createWriteStream(path, { flags: 'wx' });
  const sink = new ExportSink(out);
  try {
    if (file.kind === 'stream') await file.write(sink);
    else if (file.body instanceof Uint8Array) await sink.write(file.body);
    else await sink.pipeFrom(file.body);
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return sink.bytes;
}
