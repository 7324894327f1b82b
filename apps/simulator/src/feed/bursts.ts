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
  /** Extra reports while it lasts, as a fraction of the mean rate. */
  readonly boost: number;
  /**
   * At least this many extra reports over the whole burst, however low the mean rate (0: the boost alone). A
   * community calling in is a dozen-odd residents, not a share of the district: at a district's real rate a
   * share would be a report or two, which no spike rule would (or should) notice.
   */
  readonly minReports: number;
  /** The first burst comes early so a freshly started demo shows one. */
  readonly firstWithinMs: number;
}

/** `--bursts wall`: every few minutes, a third more reports for a few minutes; keeps a busy wall moving. */
export const DEFAULT_BURST_OPTIONS: BurstOptions = {
  meanGapMs: 4 * 60_000,
  minDurationMs: 90_000,
  maxDurationMs: 240_000,
  boost: 0.3,
  minReports: 0,
  firstWithinMs: 60_000,
};

/**
 * `--bursts district`: every hour and three quarters or so, one community calls in some 14 reports of one category
 * over 10 to 20 minutes (广场舞 noise, cars blocking a compound's gate), on top of the feed: enough for the spike
 * rules (10 noise reports in 30 minutes, 12 of a category in an hour) to fire now and then at a district's rate.
 * About 14 bursts a day: some 190 reports on top of the feed's daily volume.
 */
export const DISTRICT_BURST_OPTIONS: BurstOptions = {
  meanGapMs: 90 * 60_000,
  minDurationMs: 10 * 60_000,
  maxDurationMs: 20 * 60_000,
  boost: 0,
  minReports: 14,
  firstWithinMs: 5 * 60_000,
};

/** `--bursts off`: none, for stress runs that must hold the rate exactly. */
export const NO_BURST_OPTIONS: BurstOptions = { ...DEFAULT_BURST_OPTIONS, boost: 0, minReports: 0, firstWithinMs: Number.POSITIVE_INFINITY };

export const BURST_PRESETS = { wall: DEFAULT_BURST_OPTIONS, district: DISTRICT_BURST_OPTIONS, off: NO_BURST_OPTIONS } as const;
export type BurstPreset = keyof typeof BURST_PRESETS;

/** Bursts one after another with random (Poisson) gaps; at most one at a time, so each one stands out. */
export class BurstSchedule {
  private readonly categories = new WeightedTable(
    Object.entries(BURST_CATEGORY_WEIGHTS).map(([category, weight]) => [category as ReportCategory, weight] as const),
  );
  private active: Burst | null = null;
  private nextStartMs: number;

  /** `meanRatePerSecond` (the feed's mean, scale applied) turns `minReports` into a boost; without it, only `boost` counts. */
  constructor(
    private readonly district: DistrictModel,
    private readonly random: Random,
    startMs: number,
    private readonly options: BurstOptions = DEFAULT_BURST_OPTIONS,
    private readonly meanRatePerSecond = 0,
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
      const durationMs = randomBetween(this.random, this.options.minDurationMs, this.options.maxDurationMs);
      this.active = {
        communityCode: this.district.communityTable.pick(this.random),
        category: this.categories.pick(this.random),
        startMs: nowMs,
        endMs: nowMs + durationMs,
        boost: this.boostFor(durationMs),
      };
    }
    return this.active;
  }

  private boostFor(durationMs: number): number {
    const { boost, minReports } = this.options;
    if (minReports <= 0 || this.meanRatePerSecond <= 0) return boost;
    return Math.max(boost, minReports / (this.meanRatePerSecond * (durationMs / 1_000)));
  }
}
