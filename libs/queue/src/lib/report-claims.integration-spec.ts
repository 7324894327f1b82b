import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempRedis, type TempRedis } from '../testing/temp-redis';
import { batchJobKey, batchStoredKey, reportKey } from './queue-definitions';
import { ReportClaims } from './report-claims';

describe('ReportClaims against redis-server', () => {
  let redis: TempRedis;
  let connection: Redis;

  beforeAll(async () => {
    redis = await startTempRedis();
    connection = redis.connect('claims-test');
  });
  afterAll(async () => redis.dispose());

  it('claims new ids once; the same id again, or twice in one batch, is a duplicate', async () => {
    const claims = new ReportClaims(connection);
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await claims.claim('batch-1', [a, b, a])).toEqual([true, true, false]);
    expect(await claims.claim('batch-2', [b, randomUUID()])).toEqual([false, true]);
    expect(await connection.ttl(reportKey(a))).toBeGreaterThan(6 * 24 * 3600);
  });

  it('releases only the ids its own batch holds', async () => {
    const claims = new ReportClaims(connection);
    const [mine, theirs] = [randomUUID(), randomUUID()];
    await claims.claim('batch-other', [theirs]);
    await claims.claim('batch-mine', [mine, theirs]);
    expect(await claims.release('batch-mine', [mine, theirs])).toBe(1);
    expect(await connection.exists(reportKey(mine))).toBe(0);
    expect(await connection.exists(reportKey(theirs))).toBe(1);
  });

  it('takes over an abandoned claim, never one whose batch is queued or stored', async () => {
    const eager = new ReportClaims(connection, 0);
    const [abandoned, queued, stored] = [randomUUID(), randomUUID(), randomUUID()];
    await eager.claim('crashed-batch', [abandoned]);
    await eager.claim('queued-batch', [queued]);
    await connection.hset(batchJobKey('queued-batch'), 'name', 'store-batch');
    await eager.claim('stored-batch', [stored]);
    await connection.set(batchStoredKey('stored-batch'), '1');
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(await eager.claim('retry-batch', [abandoned, queued, stored])).toEqual([true, false, false]);
    expect(await connection.get(reportKey(abandoned))).toMatch(/^retry-batch\|\d+$/);
  });

  it('leaves a recent claim alone within the grace period', async () => {
    const patient = new ReportClaims(connection, 60_000);
    const id = randomUUID();
    await patient.claim('in-flight-batch', [id]);
    expect(await patient.claim('other-batch', [id])).toEqual([false]);
  });
});
