import { createSeededRandom, type Random } from '@grid-command/domain';

export type { Random };

/** Everything random in the feed draws from one source, so `--seed` replays a run. */
export const createRandom: (seed: number) => Random = createSeededRandom;

/**
 * A seed for one named part of a run (a ticket, a backfilled day), from the run's seed and the part's name
 * (FNV-1a, mixed with the seed): each part replays the same whatever else was drawn before it.
 */
export function deriveSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return (hash ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
}

/** An integer in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function randomBetween(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

/** Standard normal deviate (Box–Muller); `1 - random()` keeps the logarithm away from zero. */
export function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Waiting time of a Poisson process with the given mean: how far apart independent events fall. */
export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

/** A random RFC 4122 version-4 UUID drawn from `random`, so seeded runs produce the same idempotency keys. */
export function randomUuid(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
