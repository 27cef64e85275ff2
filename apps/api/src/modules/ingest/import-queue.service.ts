import { rm } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppException } from '../../common/app.exception.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService, type ImportActor } from './ingest.service.js';

interface QueuedImport {
  id: number;
  path: string;
  /** The uploader, for the audit log. */
  actor: ImportActor | null;
}

/**
 * Runs uploaded imports one after another in the background. The load phase is serialised
 * in the database as well, so two servers on one database cannot interleave.
 */
@Injectable()
export class ImportQueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportQueueService.name);
  private readonly waiting: QueuedImport[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly ingest: IngestService,
    private readonly repository: IngestRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const interrupted = await this.repository.failInterrupted();
    if (interrupted > 0) this.logger.warn(`${interrupted} import(s) interrupted by the last stop were marked failed`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.waiting.length = 0;
    await this.running;
  }

  enqueue(id: number, path: string, actor: ImportActor | null = null): void {
    this.waiting.push({ id, path, actor });
    if (this.running === null) this.running = this.drain();
  }

  /** Resolves when nothing is queued or running (tests and the CLI wait on it). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next !== undefined; next = this.waiting.shift()) {
      try {
        await this.ingest.run(next.id, next.path, undefined, next.actor);
      } catch (error) {
        const message = error instanceof AppException ? error.message : 'The import failed on the server; nothing from it was loaded.';
        if (!(error instanceof AppException)) this.logger.error(`import ${next.id} failed: ${(error as Error).message}`);
        await this.repository.markFailed(next.id, message).catch(() => undefined);
      } finally {
        await rm(next.path, { force: true });
      }
    }
    this.running = null;
  }
}
