import { AuditLogRepository } from '@grid-command/clickhouse';
import { auditQuerySchema, type AuditList } from '@grid-command/contracts';
import { Injectable } from '@nestjs/common';
import { invalidInput } from '../common/invalid-input';

/** Reads the audit log for admins: validated filters, newest first. */
@Injectable()
export class AuditLogService {
  constructor(private readonly log: AuditLogRepository) {}

  async list(rawQuery: unknown): Promise<AuditList> {
    const parsed = auditQuerySchema.safeParse(rawQuery);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    const query = parsed.data;
    return this.log.list({
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      action: query.action,
      actorName: query.actor,
      outcome: query.outcome,
      limit: query.limit,
    });
  }
}
