/**
 * Settings from `k6 run -e NAME=value`. A bad value throws in the init stage, so k6 refuses to start
 * and names the variable instead of running a test with a silently wrong shape.
 */
export function stringFromEnv(name: string, fallback: string): string {
  const value = __ENV[name];
  return value === undefined || value === '' ? fallback : value;
}

export function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const text = __ENV[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`-e ${name}=${text}: must be a number in [${min}, ${max}]`);
  return value;
}

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** k6 duration strings: `90s`, `5m`, `1h30m`. */
export function durationFromEnv(name: string, fallback: string): string {
  const value = stringFromEnv(name, fallback);
  if (!DURATION.test(value) || value === '') throw new Error(`-e ${name}=${value}: must be a k6 duration such as 90s, 5m or 1h30m`);
  return value;
}

/** A duration `durationFromEnv` accepted, in seconds. */
export function secondsOf(duration: string): number {
  const [, hours = '0', minutes = '0', seconds = '0'] = DURATION.exec(duration) ?? [];
  return Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds);
}

export const BASE_URL = stringFromEnv('BASE_URL', 'http://127.0.0.1:3000').replace(/\/+$/, '');
