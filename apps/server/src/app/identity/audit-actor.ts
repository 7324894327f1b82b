import type { UserRecord } from '@grid-command/queue';
import type { Principal } from '../common/access';
import type { AuditActor } from '../common/audit/audit-trail';

export function actorOfPrincipal(principal: Principal): AuditActor {
  return { kind: principal.kind, id: principal.id, name: principal.name };
}

export function actorOfUser(user: UserRecord): AuditActor {
  return { kind: 'user', id: user.id, name: user.username };
}
