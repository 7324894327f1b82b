import { ScopedCredentialStore } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { PeriodicTask } from '../common/scheduling/periodic-task';
import { CredentialUseCounter, type CountedCredentialKind } from './credential-use-counter';
import { DISPLAY_TOKEN_STORE, INGEST_KEY_STORE } from './identity-tokens';

const FLUSH_EVERY_MS = 60_000;

/**
 * Every minute, adds the uses counted in this process to each key's and token's totals in Redis and records one
 * `ingest_key.used` / `display_token.used` audit entry per credential with the count; the last count is flushed on
 * shutdown.
 */
@Injectable()
export class CredentialUseFlusher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CredentialUseFlusher.name);
  private readonly task = new PeriodicTask({ name: 'credential use flush', everyMs: FLUSH_EVERY_MS }, () => this.flush(), this.logger);

  constructor(
    private readonly counter: CredentialUseCounter,
    @Inject(INGEST_KEY_STORE) private readonly ingestKeys: ScopedCredentialStore,
    @Inject(DISPLAY_TOKEN_STORE) private readonly displayTokens: ScopedCredentialStore,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
    await this.flush().catch((error: unknown) => this.logger.warn(`last credential use flush failed: ${(error as Error).message}`));
  }

  async flush(): Promise<void> {
    for (const [kind, uses] of this.counter.drain()) {
      await this.storeOf(kind).recordUses(uses);
      for (const [id, { count, lastUsedAtMs }] of uses) {
        await this.audit.record({
          action: `${kind}.used`,
          actor: null,
          target: id,
          outcome: 'success',
          sourceIp: null,
          detail: { count },
          at: new Date(lastUsedAtMs),
        });
      }
    }
  }

  private storeOf(kind: CountedCredentialKind): ScopedCredentialStore {
    return kind === 'ingest_key' ? this.ingestKeys : this.displayTokens;
  }
}
