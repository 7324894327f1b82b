export interface GroupCommitOptions {
  /** How long a submission waits for others to share its round trips. */
  readonly flushAfterMs: number;
  /** A group this large (in `sizeOf` units) is flushed at once. */
  readonly maxGroupSize: number;
}

interface Pending<Item, Result> {
  readonly item: Item;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Group commit: submissions made within a few milliseconds of each other are committed together, so
 * throughput is not capped at one Redis round trip per request. `commit` answers one result per submission,
 * in order, or throws to fail the whole group.
 */
export class GroupCommit<Item, Result> {
  private pending: Array<Pending<Item, Result>> = [];
  private pendingSize = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly commit: (items: readonly Item[]) => Promise<readonly Result[]>,
    private readonly sizeOf: (item: Item) => number,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.pendingSize += this.sizeOf(item);
      if (this.pendingSize >= this.options.maxGroupSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.flushAfterMs);
    });
  }

  /** Flushes what is pending and waits for every group in flight. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    this.pendingSize = 0;
    const committed = this.commit(group.map((pending) => pending.item)).then(
      (results) => group.forEach((pending, index) => pending.resolve(results[index] as Result)),
      (error: unknown) => group.forEach((pending) => pending.reject(error as Error)),
    );
    const tracked = committed.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
