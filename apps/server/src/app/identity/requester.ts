import type { AuthenticatedRequest, Principal } from '../common/access';
import { actorOfPrincipal } from './audit-actor';
import type { AdministrativeRequester } from './users.service';

export function requesterOf(principal: Principal, request: AuthenticatedRequest): AdministrativeRequester {
  return { actor: actorOfPrincipal(principal), sourceIp: request.ip ?? null };
}
