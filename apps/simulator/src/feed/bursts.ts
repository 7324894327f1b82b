import type { ReportCategory } from '@grid-command/contracts';
import type { DistrictModel } from './district-model';
import { BURST_CATEGORY_WEIGHTS } from './mixes';
import { exponential, randomBetween, type Random } from './prng';
import { WeightedTable } from './weighted-choice';

/** A local spike: many reports of one category from one community for a few minutes. */
export interface Burst {
  readonly communityCode: string;
  readonly category: ReportCategory;
  readonly startMs: number;
  readonly endMs: number;
  /** Extra reports while it lasts, as a fraction of the mean rate. */
  readonly boost: number;
}

export interface BurstOptions {
  readonly meanGapMs: number;
  readonly minDurationMs: number;
  readonly maxDurationMs: number;
  readonly boost: number;
  /** The first burst comes early so a freshly started demo shows one. */
  readonly firstWithinMs: number;
}

export const DEFAULT_BURST_OPTIONS: BurstOptions = {
  meanGapMs: 4 * 60_000,
  minDurationMs: 90_000,
  maxDurationMs: 240_000,
  boost: 0.3,
  firstWithinMs: 60_000,
};

/** Bursts one after another with random (Poisson) gaps; at most one at a time, so each one stands out. */
export class BurstSchedule {
  private readonly categories = new WeightedTable(
    Object.entries(BURST_CATEGORY_WEIGHTS).map(([category, weight]) => [category as ReportCategory, weight] as const),
  );
  private active: Burst | null = null;
  private nextStartMs: number;

  constructor(
    private readonly district: DistrictModel,
    private readonly random: Random,
    startMs: number,
    private readonly options: BurstOptions = DEFAULT_BURST_OPTIONS,
  ) {
    this.nextStartMs = startMs + random() * options.firstWithinMs;
  }

  /** The burst under way at `nowMs`, or null. Call with a clock that does not go backwards. */
  at(nowMs: number): Burst | null {
    if (this.active !== null && nowMs >= this.active.endMs) {
      this.nextStartMs = this.active.endMs + exponential(this.random, this.options.meanGapMs);
      this.active = null;
    }
    if (this.active === null && nowMs >= this.nextStartMs) {
      this.active = {
        communityCode: this.district.communityTable.pick(this.random),
        category: this.categories.pick(this.random),
        startMs: nowMs,
        endMs: nowMs + randomBetween(this.random, this.options.minDurationMs, this.options.maxDurationMs),
        boost: this.options.boost,
      };
    }
    return this.active;
  }
}
