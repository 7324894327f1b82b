/** Where a periodic task says that one round failed; the next round runs all the same. */
export interface PeriodicTaskLogger {
  warn(message: string): void;
}

export interface PeriodicTaskOptions {
  /** Named in the log line of a failed round. */
  readonly name: string;
  /** Pause between the end of one round and the start of the next. */
  readonly everyMs: number;
  /** Pause before the first round; `everyMs` when not given. */
  readonly firstAfterMs?: number;
}

/**
 * Runs `round` again and again with a pause in between, never two rounds at once, however long one takes. A failed
 * round is logged and the next one runs as planned. `stop()` cancels the next round and resolves once the round in
 * flight, if any, has finished, so a shutdown can close the stores that round still uses.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly options: PeriodicTaskOptions,
    private readonly round: () => Promise<unknown>,
    private readonly logger: PeriodicTaskLogger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.scheduleNext(this.options.firstAfterMs ?? this.options.everyMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private scheduleNext(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.runRound().finally(() => {
        this.inFlight = null;
        this.scheduleNext(this.options.everyMs);
      });
    }, delayMs);
  }

  private async runRound(): Promise<void> {
    try {
      await this.round();
    } catch (error) {
      this.logger.warn(`${this.options.name} failed, tried again in ${this.options.everyMs} ms: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
