import { newCredentialSecret, ScopedCredentialStore, SessionStore, sharedTokenSigningSecret, UserStore } from '@grid-command/queue';
import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG, REDIS_COMMANDS } from '../infrastructure/tokens';
import { AccessTokens } from './access-tokens';
import { DISPLAY_TOKEN_STORE, INGEST_KEY_STORE } from './identity-tokens';

/** The identity stores over the shared Redis connection, and the access tokens' signer, each built once. */
@Module({
  providers: [
    { provide: UserStore, useFactory: (redis: Redis) => new UserStore(redis), inject: [REDIS_COMMANDS] },
    { provide: SessionStore, useFactory: (redis: Redis) => new SessionStore(redis), inject: [REDIS_COMMANDS] },
    { provide: INGEST_KEY_STORE, useFactory: (redis: Redis) => new ScopedCredentialStore(redis, 'ingest-keys'), inject: [REDIS_COMMANDS] },
    { provide: DISPLAY_TOKEN_STORE, useFactory: (redis: Redis) => new ScopedCredentialStore(redis, 'display-tokens'), inject: [REDIS_COMMANDS] },
    {
      provide: AccessTokens,
      useFactory: async (config: AppConfig, redis: Redis) =>
        AccessTokens.create(config.auth.tokenSecret ?? (await sharedTokenSigningSecret(redis, newCredentialSecret())), config.auth.accessTokenSeconds),
      inject: [APP_CONFIG, REDIS_COMMANDS],
    },
  ],
  exports: [UserStore, SessionStore, INGEST_KEY_STORE, DISPLAY_TOKEN_STORE, AccessTokens],
})
export class IdentityStoresModule {}
