import type { Capability } from '../capability';
import { IdentityModule } from './identity.module';
import { PrincipalResolutionModule } from './principal-resolution.module';

/**
 * Identity: users, sessions, ingest keys and display tokens. The API serves login and the admins' routes; every
 * process resolves bearer credentials with `PRINCIPAL_RESOLVER`: a lone worker too, for an operator reading its /metrics.
 */
export const IDENTITY: Capability = { api: IdentityModule, live: PrincipalResolutionModule, worker: PrincipalResolutionModule };

// For the admin CLI (apps/server/src/admin), which runs the admin routes' services outside Nest.
export { PasswordHasher } from './password-hasher';
export { announcerOver } from './revocation-announcer';
export { DISPLAY_TOKEN_SPEC, INGEST_KEY_SPEC, kioskUrl } from './scoped-credential-kinds';
export { ScopedCredentials } from './scoped-credentials.service';
export { UsersService, type AdministrativeRequester } from './users.service';
