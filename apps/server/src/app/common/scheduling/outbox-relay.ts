import type { RedisOutbox } from '@grid-command/queue';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { PeriodicTask, type PeriodicTaskLogger } from './periodic-task';

export interface OutboxRelayOptions {
  readonly name: string;
  readonly everyMs: number;
  /** Most entries stored by one insert. */
  readonly maxPerRound: number;
}

/**
 * Copies an outbox into ClickHouse: each round stores what the outbox holds and only then takes it out, so a crash
 * anywhere loses nothing; the insert's deduplication token is a digest of the entries, so a round repeated after a
 * crash stores them once. stopping waits for the round in flight and runs one more, so a clean shutdown leaves
 * nothing behind that it could have stored. A capability's relay extends it, naming its outbox and its insert; it
 * runs while the application does.
 */
export abstract class OutboxRelay<T> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly task: PeriodicTask;

  constructor(
    private readonly outbox: RedisOutbox<T>,
    private readonly store: (token: string, entries: readonly T[]) => Promise<void>,
    private readonly options: OutboxRelayOptions,
    private readonly logger: PeriodicTaskLogger,
  ) {
    this.task = new PeriodicTask({ name: options.name, everyMs: options.everyMs }, () => this.relayOnce(), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
    await this.relayOnce().catch((error: Error) => this.logger.warn(`${this.options.name}: entries stay in the outbox: ${error.message}`));
  }

  /** Stores one round's worth of the outbox now; answers how many entries were stored. */
  async relayOnce(): Promise<number> {
    const entries = await this.outbox.entries(this.options.maxPerRound);
    if (entries.length === 0) return 0;
    const fields = entries.map(this.outbox.fieldOf).sort();
    await this.store(createHash('sha256').update(fields.join(',')).digest('hex'), entries);
    await this.outbox.remove(entries);
    return entries.length;
  }
}
