import type { ReferenceIndex } from '@grid-command/domain';
import type { ScopedCredentialStore } from '@grid-command/queue';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { JsonBodyMiddleware } from '../common/json-body.middleware';
import { REFERENCE_INDEX } from '../infrastructure/tokens';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CREDENTIAL_AUTHENTICATOR } from './credential-authenticator';
import { DisplayTokensController } from './display-tokens.controller';
import { DISPLAY_TOKEN_STORE, DISPLAY_TOKENS, INGEST_KEY_STORE, INGEST_KEYS } from './identity-tokens';
import { IdentityStoresModule } from './identity-stores.module';
import { IngestKeysController } from './ingest-keys.controller';
import { LoginThrottle } from './login-throttle.service';
import { PasswordAuthenticator } from './password-authenticator.service';
import { PasswordHasher } from './password-hasher';
import { PrincipalResolutionModule } from './principal-resolution.module';
import { REVOCATION_ANNOUNCER, type RevocationAnnouncer } from './revocation-announcer';
import { DISPLAY_TOKEN_SPEC, INGEST_KEY_SPEC } from './scoped-credential-kinds';
import { ScopedCredentials, type ScopedCredentialKindSpec } from './scoped-credentials.service';
import { SessionIssuer } from './session-issuer.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

function scopedCredentials(token: symbol, spec: ScopedCredentialKindSpec, storeToken: symbol) {
  return {
    provide: token,
    useFactory: (store: ScopedCredentialStore, reference: ReferenceIndex, revocations: RevocationAnnouncer, audit: AuditTrail) =>
      new ScopedCredentials(spec, store, reference, revocations, audit),
    inject: [storeToken, REFERENCE_INDEX, REVOCATION_ANNOUNCER, AUDIT_TRAIL],
  };
}

/** The API of identity: login, refresh, logout and who-am-I; users, ingest keys and display tokens for admins. */
@Module({
  imports: [IdentityStoresModule, PrincipalResolutionModule],
  controllers: [AuthController, UsersController, IngestKeysController, DisplayTokensController],
  providers: [
    { provide: PasswordHasher, useFactory: () => PasswordHasher.create() },
    PasswordAuthenticator,
    { provide: CREDENTIAL_AUTHENTICATOR, useExisting: PasswordAuthenticator },
    LoginThrottle,
    SessionIssuer,
    AuthService,
    UsersService,
    scopedCredentials(INGEST_KEYS, INGEST_KEY_SPEC, INGEST_KEY_STORE),
    scopedCredentials(DISPLAY_TOKENS, DISPLAY_TOKEN_SPEC, DISPLAY_TOKEN_STORE),
    AdminBootstrap,
  ],
})
export class IdentityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(JsonBodyMiddleware)
      .forRoutes(
        { path: 'api/v1/auth/login', method: RequestMethod.POST },
        { path: 'api/v1/auth/refresh', method: RequestMethod.POST },
        { path: 'api/v1/users', method: RequestMethod.POST },
        { path: 'api/v1/users/:id', method: RequestMethod.PATCH },
        { path: 'api/v1/ingest-keys', method: RequestMethod.POST },
        { path: 'api/v1/display-tokens', method: RequestMethod.POST },
      );
  }
}
