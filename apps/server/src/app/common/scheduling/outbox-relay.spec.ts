import { describe, expect, it } from '@jest/globals';
import type { RedisOutbox } from '@grid-command/queue';
import { OutboxRelay } from './outbox-relay';

/** An outbox held in memory, with the three calls the relay makes of a Redis one. */
function memoryOutbox(initial: string[]) {
  const held = new Set(initial);
  const outbox = {
    fieldOf: (entry: string) => entry,
    entries: async (limit: number) => [...held].slice(0, limit),
    remove: async (entries: readonly string[]) => entries.forEach((entry) => held.delete(entry)),
  };
  return { held, outbox: outbox as unknown as RedisOutbox<string> };
}

class TestRelay extends OutboxRelay<string> {
  readonly stored: Array<{ token: string; entries: readonly string[] }> = [];
  failNext = false;

  constructor(outbox: RedisOutbox<string>) {
    super(
      outbox,
      async (token, entries) => {
        if (this.failNext) {
          this.failNext = false;
          throw new Error('ClickHouse away');
        }
        this.stored.push({ token, entries });
      },
      { name: 'test relay', everyMs: 60_000, maxPerRound: 2 },
      { warn: () => undefined },
    );
  }
}

describe('OutboxRelay', () => {
  it('takes entries out only once they are stored, and a repeated round carries the same token', async () => {
    const { held, outbox } = memoryOutbox(['b', 'a', 'c']);
    const relay = new TestRelay(outbox);
    relay.failNext = true;
    await expect(relay.relayOnce()).rejects.toThrow('ClickHouse away');
    expect([...held].sort()).toEqual(['a', 'b', 'c']);
    expect(await relay.relayOnce()).toBe(2);
    expect(await relay.relayOnce()).toBe(1);
    expect(await relay.relayOnce()).toBe(0);
    expect(held.size).toBe(0);
    expect(relay.stored.map(({ entries }) => [...entries].sort())).toEqual([['a', 'b'], ['c']]);

    const again = new TestRelay(memoryOutbox(['a', 'b']).outbox);
    await again.relayOnce();
    expect(again.stored[0]?.token).toBe(relay.stored[0]?.token);
    expect(again.stored[0]?.token).not.toBe(relay.stored[1]?.token);
  });

  it('stores what is left when the application stops', async () => {
    const { held, outbox } = memoryOutbox(['late']);
    const relay = new TestRelay(outbox);
    relay.onApplicationBootstrap();
    await relay.onModuleDestroy();
    expect(held.size).toBe(0);
    expect(relay.stored.map(({ entries }) => entries)).toEqual([['late']]);
  });
});
