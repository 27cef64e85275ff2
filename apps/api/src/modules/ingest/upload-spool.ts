import { once } from 'node:events';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpStatus } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppException } from '../../common/app.exception.js';
import { ImportRefusedException } from './ingest.exception.js';

export interface SpooledFile {
  path: string;
  fileName: string | null;
  bytes: number;
  sha256: string;
}

/** The upload is larger than CASELOAD_MAX_UPLOAD_BYTES: 413, naming the limit. */
export class UploadTooLargeException extends AppException {
  constructor(readonly limit: number) {
    super('UPLOAD_TOO_LARGE', `The file is larger than the upload limit of ${describeBytes(limit)}; split it into smaller files and import each.`, HttpStatus.PAYLOAD_TOO_LARGE);
  }
}

/** "4 GiB", "1000 bytes": the limit as an administrator would have set it. */
export function describeBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * Writes an upload to disk as it arrives (a raw `text/csv` body or the multipart field
 * `file`), hashing it on the way, so a file of any size up to `maxBytes` is taken in flat
 * memory and the import can report progress against a known size. Past `maxBytes` it stops,
 * deletes what it wrote and throws UploadTooLargeException; the connection is closed after
 * the answer, so the sender stops sending.
 */
export async function spoolUpload(request: Request, directory: string, maxBytes: number): Promise<SpooledFile> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `upload-${randomUUID()}.csv`);
  try {
    const contentType = request.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      return await spoolMultipart(request, path, maxBytes);
    }
    // A declared length past the limit is refused before a byte is written.
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw new UploadTooLargeException(maxBytes);
    const name = request.headers['x-file-name'];
    return { path, fileName: typeof name === 'string' ? name.slice(0, 255) : null, ...(await writeHashed(bodyOf(request), path, maxBytes)) };
  } catch (error) {
    if (error instanceof UploadTooLargeException) stopReading(request);
    await rm(path, { force: true });
    throw error;
  }
}

/**
 * The request body as a stream that can be destroyed without destroying the request: the
 * socket must stay open for the answer. A sender that hangs up mid-body ends it in an error.
 */
function bodyOf(request: Request): Readable {
  const body = new PassThrough();
  request.once('error', (error) => body.destroy(error));
  request.once('close', () => {
    if (!request.complete) body.destroy(new ImportRefusedException('The upload was cut off before it ended.'));
  });
  request.pipe(body);
  return body;
}

/** Discards the rest of an upload that will not be taken, and closes the connection after the answer. */
function stopReading(request: Request): void {
  request.res?.setHeader('Connection', 'close');
  request.unpipe();
  request.resume();
}

async function writeHashed(source: Readable, path: string, maxBytes: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(new UploadTooLargeException(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const out = createWriteStream(path);
  try {
    await pipeline(source, tap, out);
  } catch (error) {
    // The file may still be opening when the pipeline fails: wait until it is closed, so
    // that deleting it afterwards cannot run before it exists.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    throw error;
  }
  if (bytes === 0) throw new ImportRefusedException('The request has no CSV in it: send the file as the body (text/csv) or as the multipart field "file".');
  return { bytes, sha256: hash.digest('hex') };
}

function spoolMultipart(request: Request, path: string, maxBytes: number): Promise<SpooledFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // One byte over the limit: busboy signals `limit` on reaching fileSize, and a file of
      // exactly maxBytes is allowed.
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes + 1 } });
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
      // Past the limit busboy skips the rest of the part; ending the write here, with the
      // error, lets the partial file be deleted at once rather than after the whole body.
      stream.once('limit', () => stream.destroy(new UploadTooLargeException(maxBytes)));
      written = writeHashed(stream, path, maxBytes).then((result) => ({ path, fileName: info.filename?.slice(0, 255) ?? null, ...result }));
      written.catch((error: unknown) => {
        if (error instanceof UploadTooLargeException) reject(error);
      });
    });
    parser.on('error', () => reject(new ImportRefusedException('The multipart body is malformed.')));
    parser.on('close', () => {
      if (written === null) reject(new ImportRefusedException('The multipart body has no field named "file".'));
      else written.then(resolve, reject);
    });
    request.pipe(parser);
  });
}
