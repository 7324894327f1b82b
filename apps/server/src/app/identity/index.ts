import type { Capability } from '../capability';
import { IdentityModule } from './identity.module';
import { PrincipalResolutionModule } from './principal-resolution.module';

/**
 * Identity: users, sessions, ingest keys and display tokens. The API serves login and the admins' routes; every
 * process that authenticates (api, live) resolves bearer credentials with `PRINCIPAL_RESOLVER`. The worker needs none.
 */
export const IDENTITY: Capability = { api: IdentityModule, live: PrincipalResolutionModule };
