import type { AuditEntry } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { QUEUE_PREFIX } from './queue-definitions';
import { RedisOutbox } from './redis-outbox';

export const AUDIT_OUTBOX_KEY = `${QUEUE_PREFIX}:audit:outbox`;

/**
 * Audit entries waiting for ClickHouse's `audit_log`, one hash field per entry id. Appending resolves once Redis has
 * the entry (its append-only file is fsynced on every write), so an action answered after its entry was appended is
 * in the log whatever crashes next; the worker's relay takes an entry out only once it is stored.
 */
export class AuditOutbox extends RedisOutbox<AuditEntry> {
  constructor(private readonly connection: Redis) {
    super(connection, AUDIT_OUTBOX_KEY, (entry) => entry.id);
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.connection.hset(AUDIT_OUTBOX_KEY, entry.id, JSON.stringify(entry));
  }
}
