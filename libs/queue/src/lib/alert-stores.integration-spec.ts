import type { AlertMute, AlertNotice } from '@grid-command/contracts';
import { alertFixture, nextAlertVersion } from '@grid-command/contracts/testing';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { AlertMuteStore } from './alert-mute-store';
import { subscribeAlertNotices } from './alert-notices';
import { alertOutbox, AlertRecordStore } from './alert-record-store';
import { AlertReportSets } from './alert-report-sets';
import { AlertedReportMarks } from './alerted-report-marks';
import { SpikeWindowStore } from './spike-window-store';
import { alertKey } from './queue-definitions';

const AT = '2026-11-25T02:00:00.000Z';

describe('the alert stores against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;
  let store: AlertRecordStore;
  let reports: AlertReportSets;
  const notices: AlertNotice[] = [];

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('alerts-test');
    store = new AlertRecordStore(connection);
    reports = new AlertReportSets(connection);
    await subscribeAlertNotices(redis.connect('alerts-subscriber'), (notice) => notices.push(notice), () => undefined);
  });

  afterAll(async () => {
    await redis.dispose();
  });

  it('opens one alert per dedup key and answers the open one to a second opener', async () => {
    const first = alertFixture({ dedupKey: 'k1', reportIds: [randomUUID()] });
    expect(await store.open(first)).toEqual({ opened: true });
    expect(await store.open(alertFixture({ dedupKey: 'k1' }))).toEqual({ opened: false, openId: first.id });
    expect((await store.openAlerts()).map((open) => open.id)).toEqual([first.id]);
    expect(await reports.add(first.id, [...first.reportIds, ...first.reportIds, randomUUID()])).toBe(2);
    expect(await reports.list(first.id, 10)).toHaveLength(2);
  });

  it('lets only the writer holding the current version change an alert; closing frees the key and starts the cooldown', async () => {
    const opened = alertFixture({ dedupKey: 'k2', openedAt: AT, updatedAt: AT });
    await store.open(opened);
    const acknowledged = nextAlertVersion(opened, { state: 'acknowledged' }, 60);
    expect(await store.update(1, acknowledged, 'acknowledge', 0)).toBe(true);
    expect(await store.update(1, { ...acknowledged, acknowledgedBy: 'late' }, 'acknowledge', 0)).toBe(false);
    expect((await store.get(opened.id))?.state).toBe('acknowledged');

    const closed = nextAlertVersion(acknowledged, { state: 'closed' }, 240);
    expect(await store.update(2, closed, 'close', 60_000)).toBe(true);
    expect(await store.openIdFor('k2')).toBeNull();
    expect(await store.lastClosedAt('k2')).toBe(Date.parse(closed.updatedAt));
    expect(await connection.ttl(alertKey(opened.id))).toBeGreaterThan(0);
    expect((await store.changedSince(Date.parse('2026-11-25T02:04:00.000Z'))).map((changed) => changed.id)).toContain(opened.id);
  });

  it('announces every change and keeps every version in the outbox until it is taken out', async () => {
    const opened = alertFixture({ dedupKey: 'k3' });
    await store.open(opened);
    await store.update(1, nextAlertVersion(opened, { loud: true }), 'renotified', 0);
    const outbox = alertOutbox(connection);
    const versions = (await outbox.entries(1000)).filter((entry) => entry.alert.id === opened.id);
    expect(versions.map((entry) => [entry.alert.version, entry.change])).toEqual(
      expect.arrayContaining([
        [1, 'opened'],
        [2, 'renotified'],
      ]),
    );
    await outbox.remove(versions);
    expect((await outbox.entries(1000)).some((entry) => entry.alert.id === opened.id)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notices.filter((notice) => notice.alert.id === opened.id).map((notice) => notice.change)).toEqual(['opened', 'renotified']);
  });

  it('keeps spike windows: each report once, nothing as old as the window, nothing from the future', async () => {
    const now = Date.parse(AT);
    const windowMs = 30 * 60_000;
    const bounds = { opensAfterMs: now - windowMs, endsAtMs: now };
    const windows = new SpikeWindowStore(connection);
    const entry = (reportId: string, ageMs: number) => ({ reportId, reportedAtMs: now - ageMs });
    const window = (scope: string, ...entries: ReturnType<typeof entry>[]) => ({ ruleId: 'noise', scope, category: 'noise', entries });
    expect(await windows.count([window('community:450103001002', entry('old', windowMs), entry('a', windowMs - 1))], bounds, windowMs)).toEqual([1]);
    const counts = await windows.count(
      [window('community:450103001002', entry('a', windowMs - 1), entry('b', 0), entry('ahead', -1)), window('community:450103001003', entry('c', 5))],
      bounds,
      windowMs,
    );
    expect(counts).toEqual([2, 1]);
    const [latest, other] = await windows.latest([window('community:450103001002'), window('community:450103001003')], bounds, 50);
    expect(latest).toEqual(['b', 'a']);
    expect(other).toEqual(['c']);
    expect(await windows.latest([window('community:450103001002')], bounds, 1)).toEqual([['b']]);
  });

  it('adds reports to many alerts at once and counts the distinct reports of each', async () => {
    const [first, second] = [alertFixture({ dedupKey: 'k4', reportIds: [randomUUID()] }), alertFixture({ dedupKey: 'k5', reportIds: [randomUUID()] })];
    await store.open(first);
    await store.open(second);
    expect(await store.openIdsFor(['k4', 'k5', 'none'])).toEqual([first.id, second.id, null]);
    const extra = randomUUID();
    expect(await reports.addToMany([{ alertId: first.id, reportIds: [extra, extra] }, { alertId: second.id, reportIds: [] }])).toEqual([2, 1]);
  });

  it('lists mutes with what they held back, and forgets them a day after they end', async () => {
    const mute = (until: string): AlertMute => ({
      id: randomUUID(),
      ruleId: 'noise-spike',
      scope: null,
      from: AT,
      until,
      reason: '活动报备',
      by: '运维',
      createdAt: AT,
      suppressed: 0,
    });
    const mutes = new AlertMuteStore(connection);
    const current = mute('2026-11-25T03:00:00.000Z');
    const stale = mute('2026-11-23T03:00:00.000Z');
    await mutes.add(current);
    await mutes.add(stale);
    await mutes.countSuppressed(current.id);
    await mutes.countSuppressed(current.id);
    expect(await mutes.current(Date.parse(AT))).toEqual([{ ...current, suppressed: 2 }]);
    expect(await mutes.remove(current.id)).toBe(true);
    expect(await mutes.remove(current.id)).toBe(false);
  });

  it('marks the reports whose critical alert was raised, for a day', async () => {
    const marks = new AlertedReportMarks(connection);
    const [raised, other] = [randomUUID(), randomUUID()];
    expect(await marks.marked([raised, other])).toEqual([false, false]);
    await marks.mark([raised]);
    expect(await marks.marked([raised, other])).toEqual([true, false]);
    expect(await connection.ttl(`gc:alerted-report:${raised}`)).toBeGreaterThan(23 * 3600);
  });
});
