import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL } from '../../database/database.tokens.js';

/** How long a read of the data version is trusted before the database is asked again. */
const RECHECK_MS = 1_000;

/**
 * The version of the facts: it moves whenever an import commits, whichever process ran it
 * (the server or `npm run import` beside it), and whenever the lines are priced again (a
 * fee-schedule year loaded). Read at most once a second.
 */
@Injectable()
export class DataVersionService {
  private cached: { version: string; readAt: number } | null = null;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async current(): Promise<string> {
    const now = Date.now();
    if (this.cached !== null && now - this.cached.readAt < RECHECK_MS) return this.cached.version;
    const version = await this.read(this.pool);
    this.cached = { version, readAt: now };
    return version;
  }

  /** The version as a given connection sees it (inside a snapshot, the snapshot's). */
  async read(queryable: Pick<Pool, 'query'> | Pick<PoolClient, 'query'>): Promise<string> {
    const { rows } = await queryable.query(
      `SELECT count(*) AS imports, coalesce(max(extract(epoch FROM finished_at)), 0) AS latest,
         (SELECT coalesce(max(id), 0) FROM fee_schedule_reprice) AS repriced
       FROM import WHERE status = 'completed'`,
    );
    return `${rows[0].imports}:${rows[0].latest}:${rows[0].repriced}`;
  }

  /** The pricing the version includes: the latest fee_schedule_reprice id in it. */
  static repricing(version: string): string {
    return version.split(':')[2] ?? '';
  }

  /** Called by an import or a repricing of this process as it commits, so its own answers show at once. */
  invalidate(): void {
    this.cached = null;
  }
}
