import { AlertHistoryRepository } from '@grid-command/clickhouse';
import type { AlertOutboxEntry, RedisOutbox } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OutboxRelay } from '../common/scheduling/outbox-relay';
import { ALERT_OUTBOX } from '../infrastructure/tokens';

const RELAY_EVERY_MS = 1_000;
const MAX_VERSIONS_PER_INSERT = 5_000;

/**
 * Copies alert versions from the Redis outbox into ClickHouse's duty log. A version inserted twice is one row
 * ((alert, version) key), so a crash anywhere loses and doubles nothing.
 */
@Injectable()
export class AlertHistoryRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly relay: OutboxRelay<AlertOutboxEntry>;

  constructor(@Inject(ALERT_OUTBOX) outbox: RedisOutbox<AlertOutboxEntry>, history: AlertHistoryRepository) {
    this.relay = new OutboxRelay(
      outbox,
      (token, entries) => history.insert(token, entries),
      { name: 'alert history relay', everyMs: RELAY_EVERY_MS, maxPerRound: MAX_VERSIONS_PER_INSERT },
      new Logger(AlertHistoryRelay.name),
    );
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }

  /** One round now; answers how many versions were written. */
  relayNow(): Promise<number> {
    return this.relay.relayOnce();
  }
}
