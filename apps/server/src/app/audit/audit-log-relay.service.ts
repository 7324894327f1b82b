import { AuditLogRepository } from '@grid-command/clickhouse';
import type { AuditEntry } from '@grid-command/contracts';
import { AuditOutbox } from '@grid-command/queue';
import { Injectable, Logger } from '@nestjs/common';
import { OutboxRelay } from '../common/scheduling/outbox-relay';

/** Copies audit entries from the Redis outbox into ClickHouse's `audit_log` every second; an entry relayed twice is one row. */
@Injectable()
export class AuditLogRelay extends OutboxRelay<AuditEntry> {
  constructor(outbox: AuditOutbox, log: AuditLogRepository) {
    super(outbox, (token, entries) => log.insert(token, entries), { name: 'audit log relay', everyMs: 1_000, maxPerRound: 5_000 }, new Logger(AuditLogRelay.name));
  }
}
