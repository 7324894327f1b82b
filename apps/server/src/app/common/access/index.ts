export { assertGrantsCoverAll, assertRoleAllowed, assertWithinGrants, readsPersonalData } from './access-decision';
export { AccessGuard, type AuthenticatedRequest } from './access.guard';
export { AccessPolicyCheck } from './access-policy-check.service';
export { HTTP_ACCESS_POLICY, SOCKET_ACCESS_POLICY, SOCKET_CONNECT_POLICY, type AccessPolicy, type ScopeRule } from './access-policy';
export { bearerOf } from './bearer';
export { CurrentPrincipal } from './current-principal.decorator';
export { PRINCIPAL_RESOLVER, viewOfPrincipal, type Principal, type PrincipalResolver } from './principal';
export { routeKeyOf, routeKeysOfController } from './route-keys';
