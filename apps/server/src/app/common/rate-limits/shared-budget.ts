import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

interface KeyState {
  /** Requests admitted here and not yet added to the shared counter. */
  unsynced: number;
  /** Requests on their way to the shared counter: spent, though `sharedSpent` does not hold them yet. */
  syncing: number;
  /** What every process together had spent in the window, as this process last learned it. */
  sharedSpent: number;
  windowEndsAt: number;
  /** Set when the shared counter refused: refused from memory until then. */
  blockedUntil: number;
}

/**
 * A request budget shared by every process through Redis, without a Redis write per request. Each process admits
 * requests against the shared count it last learned plus what it admitted since, and adds its own requests to the
 * shared counter (rate-limiter-flexible's fixed window) in one call per key every sync. Why: the shared counter is a
 * Redis write, and with the AOF fsynced on every write one per request cost about 8 ms at the median and a third of
 * single-report throughput. The price: a process learns what the others spent one sync late, so N processes can
 * admit, together, up to what N−1 of them take in one sync interval beyond the budget.
 */
export class SharedBudget {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly shared: RateLimiterAbstract,
    readonly points: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `key`: null when it is within the budget, otherwise the milliseconds until it may retry. */
  take(key: string): number | null {
    const now = this.now();
    const state = this.stateOf(key, now);
    if (state.blockedUntil > now) return state.blockedUntil - now;
    if (state.sharedSpent + state.syncing + state.unsynced >= this.points) return Math.max(1, state.windowEndsAt - now);
    state.unsynced += 1;
    return null;
  }

  /** Adds every key's unsynced requests to the shared counter and learns what all processes spent. */
  async sync(): Promise<void> {
    const now = this.now();
    await Promise.all(
      [...this.keys].map(async ([key, state]) => {
        if (state.unsynced === 0) {
          if (now >= state.windowEndsAt && now >= state.blockedUntil) this.keys.delete(key);
          return;
        }
        const spent = state.unsynced;
        state.unsynced = 0;
        state.syncing += spent;
        try {
          this.learn(state, await this.shared.consume(key, spent), now);
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) {
            state.unsynced += spent;
            throw refusal;
          }
          this.learn(state, refusal, now);
          state.blockedUntil = state.windowEndsAt;
        } finally {
          state.syncing -= spent;
        }
      }),
    );
  }

  private learn(state: KeyState, answer: RateLimiterRes, now: number): void {
    state.sharedSpent = answer.consumedPoints;
    state.windowEndsAt = now + answer.msBeforeNext;
  }

  private stateOf(key: string, now: number): KeyState {
    let state = this.keys.get(key);
    if (state && now >= state.windowEndsAt && now >= state.blockedUntil && state.unsynced === 0 && state.syncing === 0) state = undefined;
    if (!state) {
      // Provisional until the first sync tells the shared window's end.
      state = { unsynced: 0, syncing: 0, sharedSpent: 0, windowEndsAt: now + this.windowMs, blockedUntil: 0 };
      this.keys.set(key, state);
    }
    return state;
  }
}
