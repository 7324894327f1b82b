import type { Report } from '@grid-command/contracts';
import { BurstSchedule, type BurstOptions } from '../feed/bursts';
import type { DistrictModel } from '../feed/district-model';
import { toLocalIso } from '../feed/local-time';
import { HOURLY_WEIGHTS } from '../feed/mixes';
import { createRandom, deriveSeed, exponential } from '../feed/prng';
import { ReportFeed } from '../feed/report-feed';

const MINUTE = 60_000;
export const DAY_MS = 24 * 60 * MINUTE;
/** Asia/Shanghai, as the feed's clock: UTC+8 all year. */
const OFFSET_MS = 8 * 60 * MINUTE;

export interface LocalDay {
  /** `YYYY-MM-DD` in Asia/Shanghai. */
  readonly date: string;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * A few local spikes a day, each one community calling in about one category for a quarter to most of an hour:
 * what the spike alert looks for in history. Live bursts come every few minutes to keep a demo wall moving.
 */
export const BACKFILL_BURSTS: BurstOptions = {
  meanGapMs: 3 * 60 * MINUTE,
  minDurationMs: 15 * MINUTE,
  maxDurationMs: 40 * MINUTE,
  boost: 0.25,
  minReports: 0,
  firstWithinMs: 3 * 60 * MINUTE,
};

const MEAN_WEIGHT = HOURLY_WEIGHTS.reduce((sum, weight) => sum + weight, 0) / HOURLY_WEIGHTS.length;
/** The busiest instant of the day relative to the mean, for thinning. */
const PEAK_FACTOR = Math.max(...HOURLY_WEIGHTS) / MEAN_WEIGHT;

/** The local days that overlap [fromMs, toMs), oldest first, each from local midnight to the next. */
export function localDaysCovering(fromMs: number, toMs: number): LocalDay[] {
  const days: LocalDay[] = [];
  let startMs = Math.floor((fromMs + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  for (; startMs < toMs; startMs += DAY_MS) {
    days.push({ date: toLocalIso(startMs).slice(0, 10), startMs, endMs: startMs + DAY_MS });
  }
  return days;
}

/**
 * Every report of one local day at `dailyVolume` everyday reports a day (and `campaign` times as many again from a
 * campaign's patrols), with the live feed's diurnal profile, category, severity and source mix, and a few spikes. Drawn from streams named after the seed and the date, so the
 * same day comes out the same on every run (the same ids: a second backfill is answered as duplicates), and
 * today's list is the same whatever the hour: a later run only adds the reports whose time has come since.
 */
export function planDayReports(district: DistrictModel, seed: number, day: LocalDay, dailyVolume: number, campaign = 0): Report[] {
  const stream = (name: string) => createRandom(deriveSeed(seed, `${name}:${day.date}`));
  const feed = new ReportFeed(district, new BurstSchedule(district, stream('bursts'), day.startMs, BACKFILL_BURSTS), stream('reports'), 'diurnal', campaign);
  const thinning = stream('arrivals');
  // A Poisson process at the peak rate, each arrival kept in proportion to the rate at its instant.
  const ceiling = PEAK_FACTOR * (1 + campaign) + BACKFILL_BURSTS.boost;
  const meanGapMs = DAY_MS / (dailyVolume * ceiling);
  const reports: Report[] = [];
  for (let at = day.startMs + exponential(thinning, meanGapMs); at < day.endMs; at += exponential(thinning, meanGapMs)) {
    if (thinning() * ceiling < feed.rateFactor(at)) reports.push(feed.next(at));
  }
  return reports;
}

/** The day's reports dated inside [fromMs, toMs): the backfill window cuts the first and the last (today) day. */
export function reportsWithin(reports: readonly Report[], fromMs: number, toMs: number): Report[] {
  return reports.filter((report) => {
    const at = Date.parse(report.reportedAt);
    return at >= fromMs && at < toMs;
  });
}

export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let index = 0; index < items.length; index += size) batches.push(items.slice(index, index + size));
  return batches;
}
