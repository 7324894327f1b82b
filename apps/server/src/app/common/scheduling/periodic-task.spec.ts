import { describe, expect, it } from '@jest/globals';
import { PeriodicTask } from './periodic-task';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (message: string) => warnings.push(message) } };
}

describe('PeriodicTask', () => {
  it('runs rounds one after another, never two at once, with the pause between them', async () => {
    let running = 0;
    let overlapped = false;
    const starts: number[] = [];
    const { logger } = recordingLogger();
    const task = new PeriodicTask({ name: 'slow', everyMs: 5, firstAfterMs: 0 }, async () => {
      running += 1;
      overlapped ||= running > 1;
      starts.push(Date.now());
      await sleep(20);
      running -= 1;
    }, logger);
    task.start();
    await sleep(120);
    await task.stop();
    expect(overlapped).toBe(false);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    for (let index = 1; index < starts.length; index += 1) {
      expect((starts[index] ?? 0) - (starts[index - 1] ?? 0)).toBeGreaterThanOrEqual(24);
    }
  });

  it('logs a failed round and runs the next one', async () => {
    let rounds = 0;
    const { logger, warnings } = recordingLogger();
    const task = new PeriodicTask({ name: 'flaky', everyMs: 2, firstAfterMs: 0 }, async () => {
      rounds += 1;
      if (rounds === 1) throw new Error('store away');
    }, logger);
    task.start();
    await sleep(40);
    await task.stop();
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(warnings[0]).toBe('flaky failed, tried again in 2 ms: store away');
  });

  it('stop waits for the round in flight and starts no other', async () => {
    let finished = false;
    let rounds = 0;
    const { logger } = recordingLogger();
    const task = new PeriodicTask({ name: 'sweep', everyMs: 1, firstAfterMs: 0 }, async () => {
      rounds += 1;
      await sleep(30);
      finished = true;
    }, logger);
    task.start();
    await sleep(10);
    await task.stop();
    expect(finished).toBe(true);
    await sleep(20);
    expect(rounds).toBe(1);
  });

  it('stop before the first round means no round at all', async () => {
    let rounds = 0;
    const { logger } = recordingLogger();
    const task = new PeriodicTask({ name: 'never', everyMs: 5 }, async () => {
      rounds += 1;
    }, logger);
    task.start();
    await task.stop();
    await sleep(20);
    expect(rounds).toBe(0);
  });
});
