import type { Capability } from '../capability';
import { AuditTrailModule } from './audit-trail.module';
import { AuditWorkerModule } from './audit-worker.module';
import { AuditModule } from './audit.module';

export { AuditLogRelay } from './audit-log-relay.service';
export { OutboxAuditTrail } from './outbox-audit-trail.service';

/**
 * The append-only audit log: `AUDIT_TRAIL` (common/audit) in every role, so any capability records what it did; the
 * admins' `GET /api/v1/audit` in the API; the relay from the Redis outbox into ClickHouse in the worker.
 */
export const AUDIT: Capability = { api: AuditModule, worker: AuditWorkerModule, live: AuditTrailModule };
