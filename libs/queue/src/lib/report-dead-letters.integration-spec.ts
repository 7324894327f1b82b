import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { REPORT_DEAD_LETTERS_KEY, ReportDeadLetters, type ParkedReport } from './report-dead-letters';

describe('ReportDeadLetters against redis-server', () => {
  let redis: TempRedis;
  let letters: ReportDeadLetters;
  const batchId = randomUUID();
  const parked = (index: number, minute: number, report: unknown = { id: randomUUID().toUpperCase(), gridCode: '450103001001001' }): ParkedReport => ({
    batchId,
    index,
    reason: `reason ${index}`,
    report,
    parkedAt: new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString(),
    acceptedAt: new Date(Date.UTC(2026, 11, 1, 8, 0)).toISOString(),
  });

  beforeAll(async () => {
    redis = await startTempRedis();
    letters = new ReportDeadLetters(redis.connect('dead-letters-test'));
  });
  afterAll(async () => redis.dispose());

  const [late, early, unreadable] = [parked(2, 30), parked(0, 10), parked(1, 20, { id: 42 })];

  it('parks each (batch, index) once, keeping the first reason, and counts them', async () => {
    expect(await letters.park([late, early, unreadable])).toBe(3);
    expect(await letters.park([{ ...early, reason: 'parked again by a retried batch' }])).toBe(0);
    expect(await letters.count()).toBe(3);
    expect((await letters.get(`${batchId}#0`))?.reason).toBe('reason 0');
  });

  it('pages the oldest parked first with the total, as the contract shows them', async () => {
    const first = await letters.page(0, 2);
    expect(first.total).toBe(3);
    expect(first.deadLetters.map((letter) => letter.index)).toEqual([0, 1]);
    expect(first.deadLetters[1]).toMatchObject({ id: `${batchId}#1`, reportId: null, gridCode: null, replays: 0 });
    expect((await letters.page(2, 2)).deadLetters.map((letter) => letter.index)).toEqual([2]);
  });

  it("finds a letter by its report's id in any letter case", async () => {
    const reportId = (early.report as { id: string }).id;
    expect(await letters.findByReport(reportId.toLowerCase())).toMatchObject({ id: `${batchId}#0`, reportId: reportId.toLowerCase(), reason: 'reason 0' });
    expect(await letters.findByReport(randomUUID())).toBeNull();
  });

  it('counts a failed replay with its reason, and once removed, a redelivery does not park the letter again', async () => {
    const again = await letters.recordFailedReplay(early, early.report, 'failed again');
    expect(await letters.get(`${batchId}#0`)).toMatchObject({ reason: 'failed again', replays: 1 });

    await letters.remove(again);
    expect(await letters.get(`${batchId}#0`)).toBeNull();
    expect(await letters.findByReport((early.report as { id: string }).id)).toBeNull();
    expect(await letters.park([early])).toBe(0);
    expect(await letters.count()).toBe(2);
    expect((await letters.page(0, 10)).deadLetters.map((letter) => letter.index)).toEqual([1, 2]);
  });

  it('lists and finds letters parked before the indexes existed', async () => {
    const old = parked(7, 5);
    await redis.connect('old-park').hset(REPORT_DEAD_LETTERS_KEY, `${batchId}#7`, JSON.stringify(old));
    const listed = await letters.page(0, 10);
    expect([listed.total, listed.deadLetters.map((letter) => letter.index)]).toEqual([3, [7, 1, 2]]);
    expect(await letters.findByReport((old.report as { id: string }).id)).toMatchObject({ id: `${batchId}#7` });
  });
});
