import type { TicketStore } from '@grid-command/clickhouse';
import type { TicketSnapshot } from '@grid-command/contracts';

interface Waiting {
  readonly id: string;
  readonly resolve: (ticket: TicketSnapshot | null) => void;
  readonly reject: (error: Error) => void;
}

/** Most ids asked for in one query; more wait for the next. */
const MAX_IDS_PER_QUERY = 500;

/**
 * Looks tickets up in ClickHouse with one query in flight at a time, each for every id asked for while the
 * previous one ran. Embedded ClickHouse runs queries one after another, so a query per request would make
 * the first events of a busy hour (or a backfill) queue up behind each other.
 */
export class TicketLookup {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(private readonly store: TicketStore) {}

  find(id: string): Promise<TicketSnapshot | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        // Requests parsed in the same turn of the event loop share the first query.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_IDS_PER_QUERY);
      try {
        const found = await this.store.findTickets([...new Set(batch.map((waiting) => waiting.id))]);
        for (const waiting of batch) waiting.resolve(found.get(waiting.id) ?? null);
      } catch (error) {
        for (const waiting of batch) waiting.reject(error as Error);
      }
    }
    this.busy = false;
  }
}
