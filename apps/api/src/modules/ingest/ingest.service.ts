import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type Writable } from 'node:stream';
import { once } from 'node:events';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolveHeader, todayIn, type HeaderMap } from '@caseload/domain';
import { APP_CONFIG, SERVER_SECRET } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { AppException } from '../../common/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CsvQuoteError, isBlankRecord, readCsvRecords, type CsvReaderKind } from './csv-records.js';
import { ImportRefusedException } from './ingest.exception.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { MemoryIndex } from '../analytics/memory-index/memory-index.service.js';
import { IngestRepository, type LoadOutcome } from './ingest.repository.js';
import { PatientHasher, StagingRowEncoder } from './staging-row.js';

/** Who started an import, for the audit log. */
export interface ImportActor {
  email: string;
  address: string | null;
}

export interface ImportProgress {
  bytesRead: number;
  fileBytes: number;
  rowsRead: number;
  phase: 'reading' | 'loading';
}

/** What the header says about a file: where each column is, or why the file is refused. */
export interface HeaderCheck {
  header: HeaderMap;
  width: number;
}

/** The share of the progress bar that reading takes; the set-based load takes the rest. */
const READ_SHARE = 0.8;

@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    private readonly repository: IngestRepository,
    private readonly dataVersion: DataVersionService,
    private readonly memoryIndex: MemoryIndex,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  /** Reads only the header row; refuses a file that cannot be imported at all. */
  async checkHeader(path: string): Promise<HeaderCheck> {
    const stream = createReadStream(path);
    try {
      for await (const item of readCsvRecords(stream)) {
        if (item.kind === 'malformed') break;
        if (isBlankRecord(item.fields)) continue;
        return headerCheck(item.fields);
      }
    } finally {
      stream.destroy();
    }
    throw new ImportRefusedException('The file is empty: it needs a header row and at least one line.');
  }

  /**
   * Streams the file through validation into the staging table and loads it in one
   * transaction. Memory stays flat whatever the file's size: rows go straight to COPY.
   * The outcome, success or failure, goes to the audit log under `actor` (null: the command line).
   */
  async run(importId: number, path: string, onProgress: (progress: ImportProgress) => void = () => {}, actor: ImportActor | null = null): Promise<LoadOutcome> {
    try {
      const outcome = await this.load(importId, path, onProgress);
      await this.auditImport(importId, actor, 'completed', null);
      return outcome;
    } catch (error) {
      await this.auditImport(importId, actor, 'failed', error instanceof AppException ? error.code : 'INTERNAL');
      throw error;
    }
  }

  /** Who imported which file (by name and SHA-256) and what came of it: counts only, no row content. */
  async auditImport(importId: number, actor: ImportActor | null, status: 'completed' | 'failed', errorCode: string | null): Promise<void> {
    try {
      const record = await this.repository.findImport(importId);
      await this.audit.record({
        action: 'import',
        actor: actor?.email ?? null,
        address: actor?.address ?? null,
        details: {
          importId,
          status,
          ...(errorCode === null ? {} : { errorCode }),
          fileName: record?.fileName ?? null,
          sha256: record?.fileSha256 ?? null,
          rowsTotal: record?.rowsTotal ?? 0,
          rowsLoaded: status === 'completed' ? (record?.rowsLoaded ?? 0) : 0,
          rowsRejected: status === 'completed' ? (record?.rowsRejected ?? 0) : 0,
        },
      });
    } catch (error) {
      // The import itself is settled either way; a lost audit entry is an operator's problem, said loudly.
      this.logger.error(`import ${importId}: the audit entry could not be written: ${(error as Error).message}`);
    }
  }

  private async load(importId: number, path: string, onProgress: (progress: ImportProgress) => void): Promise<LoadOutcome> {
    const started = Date.now();
    const { header, width } = await this.checkHeader(path);
    await this.repository.markRunning(importId, header.unknown);
    const fileBytes = (await stat(path)).size;
    const progress: ImportProgress = { bytesRead: 0, fileBytes, rowsRead: 0, phase: 'reading' };
    const ticker = setInterval(() => {
      onProgress(progress);
      const share = progress.phase === 'reading' ? (READ_SHARE * progress.bytesRead) / Math.max(fileBytes, 1) : READ_SHARE;
      this.repository.reportProgress(importId, share).catch(() => undefined);
    }, 500);
    try {
      const encoder = new StagingRowEncoder(header, width, { today: todayIn(this.config.timeZone) }, new PatientHasher(this.secret));
      let outcome: LoadOutcome;
      try {
        outcome = await this.stageAndLoad(importId, path, 'fast', encoder, progress, onProgress);
      } catch (error) {
        if (!(error instanceof CsvQuoteError)) throw error;
        // A malformed quote: start over with the reader that recovers from it.
        this.logger.log(`import ${importId}: malformed quote on row ${error.rowNumber}, reading again with the tolerant reader`);
        Object.assign(progress, { bytesRead: 0, rowsRead: 0, phase: 'reading' });
        outcome = await this.stageAndLoad(importId, path, 'tolerant', encoder, progress, onProgress);
      }
      this.logger.log(`import ${importId}: ${outcome.rowsLoaded} lines loaded, ${outcome.rowsRejected} rejected in ${Date.now() - started} ms`);
      return outcome;
    } finally {
      clearInterval(ticker);
    }
  }

  private async stageAndLoad(
    importId: number,
    path: string,
    reader: CsvReaderKind,
    encoder: StagingRowEncoder,
    progress: ImportProgress,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<LoadOutcome> {
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        progress.bytesRead += chunk.length;
        callback(null, chunk);
      },
    });
    const stagingStarted = Date.now();
    const { client, copy } = await this.repository.beginStaging(importId);
    try {
      const out = new BatchedWriter(copy);
      let headerSeen = false;
      for await (const item of readCsvRecords(createReadStream(path, { highWaterMark: 1 << 20 }).pipe(counter), reader)) {
        if (item.kind === 'malformed') {
          await out.push(encoder.unreadable(item.rowNumber, item.reason).copyLine);
          continue;
        }
        if (isBlankRecord(item.fields)) continue;
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        progress.rowsRead++;
        const pending = out.push(encoder.encode(item.rowNumber, item.fields).copyLine);
        if (pending) await pending;
      }
      await out.flush();
      copy.end();
      await once(copy, 'finish');
    } catch (error) {
      // Destroying the COPY makes the server answer with an error on the stream; without a
      // listener that error would be thrown from an event emitter and take the process down.
      copy.on('error', () => undefined);
      copy.destroy();
      await this.repository.abort(client).catch(() => undefined);
      throw error;
    }
    this.logger.log(`import ${importId}: ${progress.rowsRead} rows read and staged in ${Date.now() - stagingStarted} ms`);
    progress.phase = 'loading';
    onProgress(progress);
    // From here until the index has the new data, queries go to the database.
    this.memoryIndex.importStarted();
    let outcome: LoadOutcome | null = null;
    try {
      // The load commits, or rolls back and releases the connection itself.
      outcome = await this.repository.load(client, importId, (rows) => this.rawRows(path, reader, encoder, rows));
      this.dataVersion.invalidate();
      return outcome;
    } finally {
      await this.memoryIndex.importFinished(importId, outcome?.touchedDays ?? null);
    }
  }

  /** Rows that only the set-based checks reject (duplicates, patient conflicts) are few: read them again. */
  private async rawRows(path: string, reader: CsvReaderKind, encoder: StagingRowEncoder, rowNumbers: number[]): Promise<Map<number, string>> {
    const wanted = new Set(rowNumbers);
    const found = new Map<number, string>();
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    try {
      for await (const item of readCsvRecords(stream, reader)) {
        if (item.kind === 'record' && wanted.has(item.rowNumber)) found.set(item.rowNumber, encoder.maskedRaw(item.fields));
        if (found.size === wanted.size) break;
      }
    } finally {
      stream.destroy();
    }
    return found;
  }
}

export function headerCheck(fields: readonly string[]): HeaderCheck {
  const header = resolveHeader(fields);
  if (header.missing.length > 0) {
    throw new ImportRefusedException(
      `The file lacks the required column${header.missing.length > 1 ? 's' : ''} ${header.missing.join(', ')}; nothing was imported. ${namesShown(header, fields)}`,
    );
  }
  if (header.conflicts.length > 0) {
    throw new ImportRefusedException(`The header names the same column more than once (${header.conflicts.join(', ')}); keep one of each and import again.`);
  }
  return { header, width: fields.length };
}

/** The header's names, unless none is a column we know: then the first row is likely data (a patient id among it). */
function namesShown(header: HeaderMap, fields: readonly string[]): string {
  if (Object.keys(header.index).length === 0) {
    return 'The first row names none of the known columns, so the header row may be missing (its values are not shown: they may identify a patient).';
  }
  return `The header row names: ${fields.join(', ')}.`;
}

/** Gathers COPY lines into chunks of about 64 kB and honours the stream's back-pressure. */
class BatchedWriter {
  private buffer = '';

  constructor(private readonly stream: Writable) {}

  push(line: string): Promise<void> | undefined {
    this.buffer += line;
    return this.buffer.length >= 65_536 ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
