/**
 * Fetches what the replay shows at its current time: at most once per `minIntervalMs` of real time, never two at
 * once, and not again for an instant already fetched (a paused replay asks nothing). A fetch that fails is tried
 * again on the next turn.
 */
export class ReplayPacer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private lastFetchedMs: number | null = null;
  private lastStartedRealMs = Number.NEGATIVE_INFINITY;
  private stopped = true;

  constructor(
    private readonly fetchAt: (replayMs: number) => Promise<boolean>,
    private readonly position: () => number,
    private readonly minIntervalMs = 1000,
    private readonly realNow: () => number = () => Date.now(),
  ) {}

  start(): void {
    this.stopped = false;
    this.lastFetchedMs = null;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The replay moved (seek, speed, another scope): fetch as soon as the pace allows, even the same instant. */
  nudge(): void {
    this.lastFetchedMs = null;
    if (!this.inFlight && !this.stopped) this.schedule(Math.max(0, this.lastStartedRealMs + this.minIntervalMs - this.realNow()));
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.turn(), delayMs);
  }

  private async turn(): Promise<void> {
    if (this.stopped || this.inFlight) return;
    const replayMs = this.position();
    if (replayMs !== this.lastFetchedMs) {
      this.inFlight = true;
      this.lastStartedRealMs = this.realNow();
      try {
        if (await this.fetchAt(replayMs)) this.lastFetchedMs = replayMs;
      } finally {
        this.inFlight = false;
      }
    }
    // A replay standing still is looked at again a few times a second, not in a tight loop.
    if (!this.stopped) this.schedule(Math.max(this.minIntervalMs / 4, this.lastStartedRealMs + this.minIntervalMs - this.realNow()));
  }
}
