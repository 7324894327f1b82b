import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { reportKey } from './queue-definitions';
import { ReportLedger } from './report-ledger';

describe('ReportLedger against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;
  let ledger: ReportLedger;

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('ledger-test');
    ledger = new ReportLedger(connection);
  });
  afterAll(async () => redis.dispose());

  it('knows an id as taken once a queued batch marked it, for a week', async () => {
    const [marked, unknown] = [randomUUID(), randomUUID()];
    await ledger.markQueued('batch-1', [marked]);
    expect(await ledger.taken([marked, unknown])).toEqual([true, false]);
    expect(await connection.ttl(reportKey(marked))).toBeGreaterThan(6 * 24 * 3600);
  });

  it('never moves a mark to a later batch', async () => {
    const id = randomUUID();
    await ledger.markQueued('first', [id]);
    await ledger.markQueued('second', [id]);
    expect(await connection.get(reportKey(id))).toBe('first');
  });

  it('lets a batch store the ids it owns or that nobody owns, and again when it is retried', async () => {
    const [mine, free, theirs] = [randomUUID(), randomUUID(), randomUUID()];
    await ledger.markQueued('batch-a', [mine]);
    await ledger.markQueued('batch-b', [theirs]);
    expect(await ledger.claimForStore('batch-a', [mine, free, theirs])).toEqual([true, true, false]);
    expect(await ledger.claimForStore('batch-a', [mine, free, theirs])).toEqual([true, true, false]);
    expect(await ledger.claimForStore('batch-c', [mine, free, theirs])).toEqual([false, false, false]);
  });
});
