import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { AuditAction, AuditEntry } from '@caseload/contracts';
import { PG_POOL } from '../../database/database.tokens.js';
import type { AuditFilter } from './audit-query.js';

export interface NewAuditEntry {
  action: AuditAction;
  actor: string | null;
  address: string | null;
  details: Record<string, unknown>;
}

/** Inserts and reads; the table takes nothing else (the database refuses it). */
@Injectable()
export class AuditRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async insert(entry: NewAuditEntry): Promise<void> {
    await this.pool.query(`INSERT INTO audit_log (action, actor, address, details) VALUES ($1, $2, $3, $4)`, [
      entry.action,
      entry.actor,
      entry.address,
      JSON.stringify(entry.details),
    ]);
  }

  /** Newest first; one row more than asked tells whether an older page exists. */
  async find(filter: AuditFilter, timeZone: string, limit: number): Promise<AuditEntry[]> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const where: string[] = [];
    if (filter.action !== null) where.push(`action = ${param(filter.action)}`);
    if (filter.actor !== null && filter.actor.includes('@')) where.push(`actor = ${param(filter.actor)}`);
    if (filter.actor !== null && !filter.actor.includes('@')) where.push(`actor ILIKE ${param(`%${filter.actor.replace(/[\\%_]/g, '\\$&')}%`)}`);
    if (filter.before !== null) where.push(`id < ${param(filter.before)}`);
    if (filter.from?.kind === 'day') where.push(`at >= (${param(filter.from.day)}::date)::timestamp AT TIME ZONE ${param(timeZone)}`);
    if (filter.from?.kind === 'instant') where.push(`at >= ${param(filter.from.instant)}::timestamptz`);
    if (filter.to?.kind === 'day') where.push(`at < (${param(filter.to.day)}::date + 1)::timestamp AT TIME ZONE ${param(timeZone)}`);
    if (filter.to?.kind === 'instant') where.push(`at <= ${param(filter.to.instant)}::timestamptz`);
    const { rows } = await this.pool.query(
      `SELECT id, at, action, actor, address, details FROM audit_log
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT ${param(limit)}`,
      values,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      at: (row.at as Date).toISOString(),
      action: row.action as AuditAction,
      actor: row.actor as string | null,
      address: row.address as string | null,
      details: row.details as Record<string, unknown>,
    }));
  }
}
