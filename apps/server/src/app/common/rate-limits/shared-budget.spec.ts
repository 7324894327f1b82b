import { describe, expect, it } from '@jest/globals';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { SharedBudget } from './shared-budget';

/** Two budgets on one counter stand for two processes sharing Redis (the memory limiter counts like the Redis one). */
function twoProcesses(points: number, clock: { now: number }) {
  const counter = new RateLimiterMemory({ points, duration: 10 });
  return [new SharedBudget(counter, points, 10_000, () => clock.now), new SharedBudget(counter, points, 10_000, () => clock.now)] as const;
}

describe('SharedBudget', () => {
  it('admits exactly the budget within one process before any sync, then tells how long to wait', () => {
    const clock = { now: 1_000_000 };
    const [budget] = twoProcesses(5, clock);
    const answers = Array.from({ length: 7 }, () => budget.take('user:a'));
    expect(answers.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(answers[5]).toBe(10_000);
    expect(budget.take('user:b')).toBeNull();
  });

  it('still counts the requests it is adding to the shared counter while Redis has not answered', async () => {
    const clock = { now: 1_000_000 };
    const counter = new RateLimiterMemory({ points: 5, duration: 10 });
    const consume = counter.consume.bind(counter);
    let answer: () => void = () => undefined;
    // Redis answers only when the test says so: requests keep arriving meanwhile.
    counter.consume = (key, points) => new Promise((resolve, reject) => (answer = () => void consume(key, points).then(resolve, reject)));
    const budget = new SharedBudget(counter, 5, 10_000, () => clock.now);
    for (let request = 0; request < 4; request++) expect(budget.take('user:a')).toBeNull();
    const syncing = budget.sync();
    expect(budget.take('user:a')).toBeNull();
    expect(budget.take('user:a')).not.toBeNull();
    answer();
    await syncing;
    expect(budget.take('user:a')).not.toBeNull();
  });

  it('learns at its next sync what another process spent, and refuses from then on', async () => {
    const clock = { now: 1_000_000 };
    const [here, there] = twoProcesses(5, clock);
    for (let request = 0; request < 4; request++) expect(there.take('user:a')).toBeNull();
    await there.sync();
    expect(here.take('user:a')).toBeNull();
    await here.sync();
    expect(here.take('user:a')).not.toBeNull();
  });

  it('blocks every process once the shared counter refused, until the window ends', async () => {
    const clock = { now: 1_000_000 };
    const [here, there] = twoProcesses(3, clock);
    for (let request = 0; request < 3; request++) there.take('key:k');
    for (let request = 0; request < 2; request++) here.take('key:k');
    await there.sync();
    await here.sync();
    expect(here.take('key:k')).toBeGreaterThan(0);
    clock.now += 10_001;
    expect(here.take('key:k')).toBeNull();
  });

  it('keeps the requests it could not add when the counter fails, for the next sync', async () => {
    const clock = { now: 1_000_000 };
    const failing = new RateLimiterMemory({ points: 5, duration: 10 });
    failing.consume = () => Promise.reject(new Error('redis away'));
    const budget = new SharedBudget(failing, 5, 10_000, () => clock.now);
    budget.take('user:a');
    await expect(budget.sync()).rejects.toThrow('redis away');
    for (let request = 0; request < 4; request++) expect(budget.take('user:a')).toBeNull();
    expect(budget.take('user:a')).not.toBeNull();
  });
});
