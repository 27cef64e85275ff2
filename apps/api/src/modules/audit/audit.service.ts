import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction, AuditResponse } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import type { AuditFilter } from './audit-query.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditRecord {
  action: AuditAction;
  /** Who acted: a user's email, or the email tried at sign-in; null for the server itself. */
  actor: string | null;
  address?: string | null;
  /** Facts about the event. Never a password, a token or a patient identifier. */
  details?: Record<string, unknown>;
}

/** Writes and reads the append-only audit log (DESIGN §7). */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.repository.insert({
      action: entry.action,
      actor: entry.actor,
      address: clientAddress(entry.address ?? null),
      details: entry.details ?? {},
    });
  }

  async list(filter: AuditFilter): Promise<AuditResponse> {
    const rows = await this.repository.find(filter, this.config.timeZone, filter.limit + 1);
    const entries = rows.slice(0, filter.limit);
    return { entries, nextBefore: rows.length > filter.limit ? entries[entries.length - 1]!.id : null };
  }
}

/** An IPv4 client seen through an IPv6 socket reads as plain IPv4. */
function clientAddress(address: string | null): string | null {
  if (address === null || address === '') return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
