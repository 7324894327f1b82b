import type { AuditList } from '@grid-command/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';

@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  /** `?from=ISO&to=ISO&action=auth.login&actor=username&outcome=failure&limit=200`, newest first (admin). */
  @Get()
  list(@Query() query: Record<string, unknown>): Promise<AuditList> {
    return this.log.list(query);
  }
}
