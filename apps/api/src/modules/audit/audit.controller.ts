import { Controller, Get, Query } from '@nestjs/common';
import type { AuditResponse } from '@caseload/contracts';
import { parseAuditQuery } from './audit-query.js';
import { AuditService } from './audit.service.js';

@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Admins only (see access-rules.ts): newest first, filtered, paged by id. */
  @Get()
  list(@Query() query: Record<string, unknown>): Promise<AuditResponse> {
    return this.audit.list(parseAuditQuery(query));
  }
}
