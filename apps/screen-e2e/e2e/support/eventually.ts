export interface EventuallyOptions {
  /** How long the assertion may keep failing, in ms. */
  readonly timeout: number;
  /** The pause between two probes, in ms. */
  readonly interval: number;
}

const OUT_OF_TIME = Symbol('out of time');

/**
 * Probes until `assertion` (Jest `expect` calls) passes on what `probe` returns: a
 * page settles in its own time. A probe that throws counts as a failed attempt, and one still pending at the
 * deadline is not waited for. When the time is up it fails with the last attempt's error.
 */
export async function eventually<T>(probe: () => T | Promise<T>, assertion: (value: T) => void, { timeout, interval }: EventuallyOptions): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = new Error('the probe never answered');
  for (;;) {
    try {
      const value = await beforeDeadline(probe, deadline);
      if (value === OUT_OF_TIME) break;
      assertion(value);
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() + interval >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  const message = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`still failing after ${timeout} ms: ${message}`, { cause: lastError });
}

async function beforeDeadline<T>(probe: () => T | Promise<T>, deadline: number): Promise<T | typeof OUT_OF_TIME> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<typeof OUT_OF_TIME>((resolve) => {
    timer = setTimeout(() => resolve(OUT_OF_TIME), Math.max(0, deadline - Date.now()));
  });
  const attempt = Promise.resolve().then(probe);
  // An attempt left behind at the deadline may still fail; nobody is waiting for it any more.
  void attempt.catch(() => undefined);
  try {
    return await Promise.race([attempt, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}
