import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTempRedis, type TempRedis } from '../../testing/temp-redis';
import { JobProducer } from '../job-producer';
import { ConnectedScreens, type RegisteredScreen } from './connected-screens';
import { PipelineBacklog } from './pipeline-backlog';
import { PIPELINE_RATE_BUCKET_TTL_SECONDS, PipelineRates } from './pipeline-rates';

const screen = (socketId: string, name: string): RegisteredScreen => ({
  socketId,
  name,
  kind: 'display_token',
  scopes: ['district:450103'],
  alertScopes: [],
  connectedAt: Date.now() - 5_000,
  lastPushAt: Date.now() - 500,
});

describe('the operators’ shared figures against redis-server', () => {
  let redis: TempRedis;
  let processA: Redis;
  let processB: Redis;

  beforeAll(async () => {
    redis = await startTempRedis();
    processA = redis.connect('process-a');
    processB = redis.connect('process-b');
  });
  afterAll(async () => redis.dispose());

  it('adds what two processes counted in the same second, and reads only whole seconds before now', async () => {
    const at = new Date('2026-12-01T08:00:07.300Z');
    const ratesOfA = new PipelineRates(processA);
    const ratesOfB = new PipelineRates(processB);
    ratesOfA.count('accepted', 100, at);
    ratesOfA.count('accepted', 200, at);
    ratesOfB.count('accepted', 200, at);
    ratesOfB.count('stored', 120, new Date('2026-12-01T08:00:05.900Z'));
    await Promise.all([ratesOfA.flush(), ratesOfB.flush()]);
    const seconds = await new PipelineRates(processA).lastSeconds(new Date('2026-12-01T08:00:08.100Z'), 5);
    expect(seconds.accepted).toEqual([0, 0, 0, 0, 500]);
    expect(seconds.stored).toEqual([0, 0, 120, 0, 0]);
    // The running second is still filling: left out until it is whole.
    expect((await new PipelineRates(processA).lastSeconds(at, 5)).accepted).toEqual([0, 0, 0, 0, 0]);
    const [key] = await processA.keys('gc:ops:rate:accepted:*');
    expect(await processA.ttl(key ?? '')).toBeGreaterThan(PIPELINE_RATE_BUCKET_TTL_SECONDS - 5);
  });

  it("lists every live process's screens, replaces a process's own list, and forgets a process that stopped registering", async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    const screens = new ConnectedScreens(processA);
    await screens.register(a, [screen('s1', '大屏一'), screen('s2', '大屏二')], new Date(), 60_000);
    await new ConnectedScreens(processB).register(b, [screen('s3', '大屏三')], new Date(), 300);
    expect((await screens.list()).map((entry) => entry.name).sort()).toEqual(['大屏一', '大屏三', '大屏二']);

    await screens.register(a, [screen('s2', '大屏二')], new Date(), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // b's registration outlived its TTL (a crashed process); a's replaced list holds one screen.
    expect((await screens.list()).map((entry) => entry.name)).toEqual(['大屏二']);

    await screens.unregister(a);
    expect(await screens.list()).toEqual([]);
  });

  it('counts the queue by state and dates its oldest waiting job', async () => {
    const producer = new JobProducer(redis.connect('producer'));
    await producer.ready();
    const backlog = new PipelineBacklog(processA);
    try {
      const before = Date.now();
      const job = (batchId: string) => ({ batchId, acceptedAt: new Date().toISOString(), reports: [] });
      await producer.add('store-batch', job(randomUUID()), randomUUID());
      await producer.add('store-batch', job(randomUUID()), randomUUID());
      const state = await backlog.read();
      expect(state.counts).toEqual({ waiting: 2, active: 0, delayed: 0, failed: 0 });
      expect(state.oldestWaitingSince?.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(state.oldestWaitingSince?.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      await backlog.close();
      await producer.close();
    }
  });
});
