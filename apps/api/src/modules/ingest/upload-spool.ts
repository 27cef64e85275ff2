import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { ImportRefusedException } from './ingest.exception.js';

export interface SpooledFile {
  path: string;
  fileName: string | null;
  bytes: number;
  sha256: string;
}

/**
 * Writes an upload to disk as it arrives (a raw `text/csv` body or the multipart field
 * `file`), hashing it on the way, so a file of any size is taken in flat memory and the
 * import can report progress against a known size.
 */
export async function spoolUpload(request: Request, directory: string): Promise<SpooledFile> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `upload-${randomUUID()}.csv`);
  try {
    const contentType = request.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      return await spoolMultipart(request, path);
    }
    const name = request.headers['x-file-name'];
    return { path, fileName: typeof name === 'string' ? name.slice(0, 255) : null, ...(await writeHashed(request, path)) };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

async function writeHashed(source: Readable, path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(path));
  if (bytes === 0) throw new ImportRefusedException('The request has no CSV in it: send the file as the body (text/csv) or as the multipart field "file".');
  return { bytes, sha256: hash.digest('hex') };
}

function spoolMultipart(request: Request, path: string): Promise<SpooledFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1 } });
    } catch {
      reject(new ImportRefusedException('The multipart body cannot be read: check its boundary.'));
      return;
    }
    let written: Promise<SpooledFile> | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || written !== null) {
        stream.resume();
        return;
      }
      written = writeHashed(stream, path).then((result) => ({ path, fileName: info.filename?.slice(0, 255) ?? null, ...result }));
      written.catch(() => undefined);
    });
    parser.on('error', () => reject(new ImportRefusedException('The multipart body is malformed.')));
    parser.on('close', () => {
      if (written === null) reject(new ImportRefusedException('The multipart body has no field named "file".'));
      else written.then(resolve, reject);
    });
    request.pipe(parser);
  });
}
