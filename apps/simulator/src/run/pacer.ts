/**
 * Turns a rate into a whole number of reports per tick, carrying the fraction so that a long run hits
 * the rate exactly even at 0.3 reports/s. A stalled event loop is caught up for at most `maxCatchUpMs`,
 * so a laptop waking from sleep does not fire minutes of reports at once.
 */
export class Pacer {
  private carry = 0;

  constructor(private readonly maxCatchUpMs = 1_000) {}

  due(ratePerSecond: number, elapsedMs: number): number {
    const window = Math.min(Math.max(elapsedMs, 0), this.maxCatchUpMs);
    const owed = this.carry + (Math.max(ratePerSecond, 0) * window) / 1_000;
    const whole = Math.floor(owed);
    this.carry = owed - whole;
    return whole;
  }
}
