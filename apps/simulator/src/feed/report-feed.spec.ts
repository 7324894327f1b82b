import { reportSchema, type Report } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { BurstSchedule, DEFAULT_BURST_OPTIONS } from './bursts';
import { DistrictModel } from './district-model';
import { containsPoint } from './polygon';
import { createRandom } from './prng';
import { HAZARD_CATEGORIES } from './mixes';
import { ReportFeed, type RateProfile } from './report-feed';
import { tinyDistrict } from './testing/tiny-district';

/** 10:00 and 21:00 in Asia/Shanghai. */
const MORNING = Date.UTC(2025, 5, 2, 2, 0);
const EVENING = Date.UTC(2025, 5, 2, 13, 0);
const NO_BURSTS = { ...DEFAULT_BURST_OPTIONS, boost: 0 };
const file = tinyDistrict(2, 4, 5);

function feedOf(seed: number, profile: RateProfile = 'diurnal', burstOptions = NO_BURSTS, startMs = MORNING, campaign = 0): ReportFeed {
  const district = new DistrictModel(file, createRandom(seed));
  return new ReportFeed(district, new BurstSchedule(district, createRandom(seed + 1), startMs, burstOptions), createRandom(seed + 2), profile, campaign);
}

function generate(feed: ReportFeed, count: number, nowMs = MORNING): Report[] {
  return Array.from({ length: count }, () => feed.next(nowMs));
}

function share(reports: readonly Report[], test: (report: Report) => boolean): number {
  return reports.filter(test).length / reports.length;
}

describe('ReportFeed', () => {
  const reports = generate(feedOf(1), 20_000);

  it('produces reports the ingest API accepts, from grids of the reference, located inside their grid', () => {
    const grids = new Map(new DistrictModel(file, createRandom(1)).grids.map((grid) => [grid.code, grid]));
    for (const report of reports.slice(0, 2_000)) {
      expect(reportSchema.safeParse(report).error).toBeUndefined();
      const grid = grids.get(report.gridCode);
      expect(grid).toBeDefined();
      if (grid && report.location) expect(containsPoint(grid.ring, [report.location.lon, report.location.lat])).toBe(true);
    }
    expect(new Set(reports.map((report) => report.id)).size).toBe(reports.length);
  });

  it('replays exactly for the same seed', () => {
    expect(generate(feedOf(1), 50)).toEqual(reports.slice(0, 50));
    expect(generate(feedOf(2), 50)).not.toEqual(reports.slice(0, 50));
  });

  it('follows the category, severity and source mix of the brief', () => {
    const common = new Set(['environment_sanitation', 'property_management', 'noise', 'parking']);
    expect(share(reports, (report) => common.has(report.category))).toBeGreaterThan(0.55);
    expect(share(reports, (report) => report.category === 'fire_safety' || report.category === 'gas_utilities')).toBeLessThan(0.08);
    expect(share(reports, (report) => report.severity === 1)).toBeGreaterThan(0.7);
    expect(share(reports, (report) => report.severity === 4)).toBeLessThan(0.03);
    expect(share(reports, (report) => report.source === 'grid_worker')).toBeCloseTo(0.45, 1);
    expect(share(reports, (report) => report.source === 'iot_sensor' && report.category === 'dispute')).toBe(0);
  });

  it('hears more noise in the evening', () => {
    const evening = generate(feedOf(1, 'diurnal', NO_BURSTS, EVENING), 20_000, EVENING);
    expect(share(evening, (report) => report.category === 'noise')).toBeGreaterThan(1.8 * share(reports, (report) => report.category === 'noise'));
  });

  it('dates hotline tickets up to a minute back and others within seconds, never in the future', () => {
    for (const report of reports.slice(0, 2_000)) {
      const lag = MORNING - Date.parse(report.reportedAt);
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThanOrEqual(report.source === 'hotline_12345' ? 60_000 : 3_000);
    }
  });

  it('concentrates a burst in one community and one category, adding to the diurnal rate', () => {
    const always = { ...DEFAULT_BURST_OPTIONS, firstWithinMs: 0, minDurationMs: 3_600_000, maxDurationMs: 3_600_000, boost: 1 };
    const feed = feedOf(4, 'diurnal', always);
    const quiet = feedOf(4);
    expect(feed.rateFactor(MORNING)).toBeCloseTo(quiet.rateFactor(MORNING) + 1, 5);
    const during = generate(feed, 5_000);
    const byCommunity = new Map<string, number>();
    for (const report of during) byCommunity.set(report.gridCode.slice(0, 12), (byCommunity.get(report.gridCode.slice(0, 12)) ?? 0) + 1);
    const top = Math.max(...byCommunity.values()) / during.length;
    // The burst takes boost / (dayFactor + boost) of the reports on top of its normal share of 1/8.
    expect(top).toBeGreaterThan(0.3);
  });

  it('keeps the flat profile at exactly the mean rate, with a burst on top', () => {
    expect(feedOf(1, 'flat').rateFactor(MORNING)).toBe(1);
    expect(feedOf(1, 'flat').rateFactor(EVENING)).toBe(1);
    expect(feedOf(1, 'diurnal').rateFactor(MORNING)).toBeGreaterThan(1.5);
    const always = { ...DEFAULT_BURST_OPTIONS, firstWithinMs: 0, minDurationMs: 3_600_000, maxDurationMs: 3_600_000, boost: 0.5 };
    expect(feedOf(1, 'flat', always).rateFactor(EVENING)).toBe(1.5);
  });

  describe('during a 创城 campaign', () => {
    const campaign = generate(feedOf(1, 'flat', NO_BURSTS, MORNING, 7), 40_000);
    const everyday = generate(feedOf(1, 'flat'), 40_000);
    const hazard = (report: Report): boolean => HAZARD_CATEGORIES.has(report.category);

    it('multiplies the volume by 1 + the campaign, at every hour', () => {
      expect(feedOf(1, 'flat', NO_BURSTS, MORNING, 7).rateFactor(EVENING)).toBe(8);
      expect(feedOf(1, 'diurnal', NO_BURSTS, MORNING, 7).rateFactor(MORNING)).toBeCloseTo(8 * feedOf(1).rateFactor(MORNING), 9);
    });

    it('adds patrol reports of what inspectors check, and no more emergencies than an everyday district', () => {
      // Of 8 reports, 7 are the campaign's: hazards and 特急 keep their everyday count, so their share falls 8-fold.
      expect(share(campaign, hazard)).toBeCloseTo(share(everyday, hazard) / 8, 2);
      expect(share(campaign, (report) => report.severity === 4)).toBeLessThan(share(everyday, (report) => report.severity === 4) / 2);
      expect(share(campaign, (report) => report.source === 'grid_worker' || report.source === 'party_member')).toBeGreaterThan(0.85);
      expect(share(campaign, (report) => report.category === 'environment_sanitation')).toBeGreaterThan(1.3 * share(everyday, (report) => report.category === 'environment_sanitation'));
    });

    it('leaves an everyday feed of the same seed exactly as it was', () => {
      expect(generate(feedOf(1, 'flat', NO_BURSTS, MORNING, 0), 50)).toEqual(everyday.slice(0, 50));
    });
  });
});
