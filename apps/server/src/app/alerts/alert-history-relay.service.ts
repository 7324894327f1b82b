import { AlertHistoryRepository } from '@grid-command/clickhouse';
import type { AlertOutboxEntry, RedisOutbox } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxRelay } from '../common/scheduling/outbox-relay';
import { ALERT_OUTBOX } from '../infrastructure/tokens';

/**
 * Copies alert versions from the Redis outbox into ClickHouse's duty log every second. A version inserted twice is
 * one row ((alert, version) key), so a crash anywhere loses and doubles nothing.
 */
@Injectable()
export class AlertHistoryRelay extends OutboxRelay<AlertOutboxEntry> {
  constructor(@Inject(ALERT_OUTBOX) outbox: RedisOutbox<AlertOutboxEntry>, history: AlertHistoryRepository) {
    super(outbox, (token, entries) => history.insert(token, entries), { name: 'alert history relay', everyMs: 1_000, maxPerRound: 5_000 }, new Logger(AlertHistoryRelay.name));
  }
}
