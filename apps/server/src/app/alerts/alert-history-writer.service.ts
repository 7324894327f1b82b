import { AlertHistoryRepository } from '@grid-command/clickhouse';
import { AlertStore } from '@grid-command/queue';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';

const SWEEP_EVERY_MS = 1_000;
const MAX_VERSIONS_PER_INSERT = 5_000;

/**
 * Copies alert versions from the Redis outbox into ClickHouse's duty log. An entry leaves the outbox only after
 * its insert succeeded, and a version inserted twice is one row, so a crash anywhere loses and doubles nothing.
 */
@Injectable()
export class AlertHistoryWriter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlertHistoryWriter.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: AlertStore,
    private readonly history: AlertHistoryRepository,
  ) {}

  onModuleInit(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.flush().catch((error: Error) => this.logger.warn(`alert history stays in the outbox: ${error.message}`));
  }

  /** Writes what the outbox holds now; answers how many versions were written. */
  async flush(): Promise<number> {
    const entries = await this.store.outboxEntries(MAX_VERSIONS_PER_INSERT);
    if (entries.length === 0) return 0;
    const fields = entries.map((entry) => `${entry.alert.id}:${entry.alert.version}`).sort();
    const token = createHash('sha256').update(fields.join(',')).digest('hex');
    await this.history.insert(token, entries);
    await this.store.removeFromOutbox(entries);
    return entries.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.flush()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`alert history stays in the outbox for a later try: ${error.message}`))
        .finally(() => this.schedule());
    }, SWEEP_EVERY_MS);
  }
}
