import type { Principal } from '../access';
import type { AuditActor } from './audit-trail';

/** The audit log's actor for what an authenticated principal did. */
export function auditActorOf(principal: Principal): AuditActor {
  return { kind: principal.kind, id: principal.id, name: principal.name };
}
