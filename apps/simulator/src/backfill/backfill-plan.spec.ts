import type { Report } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { DistrictModel } from '../feed/district-model';
import { localHour } from '../feed/local-time';
import { CATEGORY_WEIGHTS } from '../feed/mixes';
import { createRandom } from '../feed/prng';
import { tinyDistrict } from '../feed/testing/tiny-district';
import { batchesOf, DAY_MS, localDaysCovering, planDayReports, reportsWithin } from './backfill-plan';

const district = new DistrictModel(tinyDistrict(2, 4, 5), createRandom(1));
/** 2026-11-20 15:30 in Asia/Shanghai. */
const NOW = Date.UTC(2026, 10, 20, 7, 30);

function history(seed: number, nowMs: number, days: number, volume: number): Report[] {
  const from = nowMs - days * DAY_MS;
  return localDaysCovering(from, nowMs).flatMap((day) => reportsWithin(planDayReports(district, seed, day, volume), from, nowMs));
}

describe('localDaysCovering', () => {
  it('lists the local days from local midnight to midnight that overlap the window, oldest first', () => {
    const days = localDaysCovering(NOW - 2 * DAY_MS, NOW);
    expect(days.map((day) => day.date)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    expect(days[0]?.startMs).toBe(Date.UTC(2026, 10, 17, 16, 0));
    for (const day of days) expect(day.endMs - day.startMs).toBe(DAY_MS);
    expect(localDaysCovering(Date.UTC(2026, 10, 19, 16, 0), Date.UTC(2026, 10, 20, 16, 0)).map((day) => day.date)).toEqual(['2026-11-20']);
  });
});

describe('planDayReports', () => {
  const day = localDaysCovering(NOW, NOW + 1)[0];
  if (!day) throw new Error('no day');
  const reports = planDayReports(district, 5, day, 4_000);

  it('draws the daily volume asked for (plus a few spikes), all inside the day', () => {
    expect(reports.length).toBeGreaterThan(3_800);
    expect(reports.length).toBeLessThan(4_500);
    for (const report of reports) {
      // Hotline tickets are dated up to a minute before they are filed.
      expect(Date.parse(report.reportedAt)).toBeGreaterThanOrEqual(day.startMs - 60_000);
      expect(Date.parse(report.reportedAt)).toBeLessThan(day.endMs);
    }
  });

  it('holds 1 + the campaign times the everyday volume on a campaign day', () => {
    const campaignDay = planDayReports(district, 5, day, 4_000, 3);
    expect(campaignDay.length / reports.length).toBeGreaterThan(3.6);
    expect(campaignDay.length / reports.length).toBeLessThan(4.4);
  });

  it('follows the live feed: quiet nights, busy mornings, the same category mix', () => {
    const inHour = (hour: number): number => reports.filter((report) => localHour(Date.parse(report.reportedAt)) === hour).length;
    expect(inHour(10)).toBeGreaterThan(inHour(3) * 8);
    expect(inHour(15)).toBeGreaterThan(inHour(12));
    const total = Object.values(CATEGORY_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
    const share = reports.filter((report) => report.category === 'environment_sanitation').length / reports.length;
    expect(share).toBeGreaterThan((CATEGORY_WEIGHTS.environment_sanitation / total) * 0.8);
    expect(share).toBeLessThan((CATEGORY_WEIGHTS.environment_sanitation / total) * 1.4);
  });

  it('is the same day for the same seed and date, and another for another seed or date', () => {
    expect(planDayReports(district, 5, day, 4_000)).toEqual(reports);
    expect(planDayReports(district, 6, day, 4_000)[0]?.id).not.toBe(reports[0]?.id);
    const next = { date: '2026-11-21', startMs: day.startMs + DAY_MS, endMs: day.endMs + DAY_MS };
    expect(planDayReports(district, 5, next, 4_000)[0]?.id).not.toBe(reports[0]?.id);
  });
});

describe('a backfill window', () => {
  it('run twice, an hour apart, writes the same reports again plus only the ones whose time has come', () => {
    const first = history(9, NOW, 2, 2_000);
    const second = history(9, NOW + 3_600_000, 2, 2_000);
    const firstIds = new Set(first.map((report) => report.id));
    const secondIds = new Set(second.map((report) => report.id));
    const secondFrom = NOW + 3_600_000 - 2 * DAY_MS;
    // Exactly the reports of the hour that fell out of the window are missing from the second run.
    const dropped = first.filter((report) => !secondIds.has(report.id));
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((report) => Date.parse(report.reportedAt) < secondFrom)).toBe(true);
    expect(first.filter((report) => Date.parse(report.reportedAt) >= secondFrom).every((report) => secondIds.has(report.id))).toBe(true);
    const added = second.filter((report) => !firstIds.has(report.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((report) => Date.parse(report.reportedAt) >= NOW)).toBe(true);
    expect(second.every((report) => Date.parse(report.reportedAt) < NOW + 3_600_000)).toBe(true);
    expect(new Set(second.map((report) => report.id)).size).toBe(second.length);
  });

  it('holds about the daily volume for each full day of the window', () => {
    expect(history(3, NOW, 7, 1_000).length / 7).toBeGreaterThan(900);
    expect(history(3, NOW, 7, 1_000).length / 7).toBeLessThan(1_150);
  });
});

describe('batchesOf', () => {
  it('cuts a list into requests of at most the given size, keeping order', () => {
    const items = Array.from({ length: 2_345 }, (_, index) => index);
    const batches = batchesOf(items, 1_000);
    expect(batches.map((batch) => batch.length)).toEqual([1_000, 1_000, 345]);
    expect(batches.flat()).toEqual(items);
  });
});
