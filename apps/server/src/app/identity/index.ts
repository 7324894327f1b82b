import type { Capability } from '../capability';
import { IdentityModule } from './identity.module';
import { PrincipalResolutionModule } from './principal-resolution.module';

/**
 * Identity: users, sessions, ingest keys and display tokens. The API serves login and the admins' routes; every
 * process that authenticates (api, live) resolves bearer credentials with `PRINCIPAL_RESOLVER`. The worker needs none.
 */
export const IDENTITY: Capability = { api: IdentityModule, live: PrincipalResolutionModule };

// For the admin CLI (apps/server/src/admin), which runs the admin routes' services outside Nest.
export { PasswordHasher } from './password-hasher';
export { announcerOver } from './revocation-announcer';
export { DISPLAY_TOKEN_SPEC, INGEST_KEY_SPEC, kioskUrl } from './scoped-credential-kinds';
export { ScopedCredentials } from './scoped-credentials.service';
export { UsersService, type AdministrativeRequester } from './users.service';
