import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '../common/access';
import { CredentialUseCounter } from './credential-use-counter';
import { CredentialUseFlusher } from './credential-use-flusher.service';
import { IdentityPrincipalResolver } from './identity-principal-resolver.service';
import { IdentityStoresModule } from './identity-stores.module';
import { REVOCATION_ANNOUNCER } from './revocation-announcer';

/**
 * `PRINCIPAL_RESOLVER` for every process that authenticates requests or sockets (api, live). Global, so the
 * access guard registered in the app module and the live gateway reach it without importing this capability.
 */
@Global()
@Module({
  imports: [IdentityStoresModule],
  providers: [
    CredentialUseCounter,
    CredentialUseFlusher,
    IdentityPrincipalResolver,
    { provide: PRINCIPAL_RESOLVER, useExisting: IdentityPrincipalResolver },
    { provide: REVOCATION_ANNOUNCER, useExisting: IdentityPrincipalResolver },
  ],
  exports: [PRINCIPAL_RESOLVER, REVOCATION_ANNOUNCER],
})
export class PrincipalResolutionModule {}
