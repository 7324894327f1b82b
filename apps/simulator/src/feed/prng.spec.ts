import { z } from 'zod';
import { describe, expect, it } from '@jest/globals';
import { createRandom, exponential, gaussian, randomInt, randomUuid } from './prng';

function draw<T>(count: number, next: () => T): T[] {
  return Array.from({ length: count }, next);
}

describe('createRandom', () => {
  it('replays the same sequence for the same seed and another for another seed', () => {
    expect(draw(5, createRandom(42))).toEqual(draw(5, createRandom(42)));
    expect(draw(5, createRandom(42))).not.toEqual(draw(5, createRandom(43)));
  });

  it('stays in [0, 1) and is spread evenly', () => {
    const values = draw(20_000, createRandom(7));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const lowTenth = values.filter((value) => value < 0.1).length / values.length;
    expect(lowTenth).toBeGreaterThan(0.09);
    expect(lowTenth).toBeLessThan(0.11);
  });
});

describe('randomInt', () => {
  it('covers both bounds and nothing outside', () => {
    const random = createRandom(1);
    const values = new Set(draw(2_000, () => randomInt(random, 3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('gaussian and exponential', () => {
  it('have the expected mean and spread', () => {
    const random = createRandom(11);
    const normals = draw(20_000, () => gaussian(random));
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const variance = normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    const waits = draw(20_000, () => exponential(random, 30));
    expect(waits.reduce((a, b) => a + b, 0) / waits.length).toBeGreaterThan(28.5);
    expect(waits.reduce((a, b) => a + b, 0) / waits.length).toBeLessThan(31.5);
  });
});

describe('randomUuid', () => {
  it('makes valid version-4 UUIDs, reproducibly and without collisions', () => {
    const random = createRandom(5);
    const ids = draw(5_000, () => randomUuid(random));
    for (const id of ids.slice(0, 50)) expect(z.uuid().safeParse(id).success).toBe(true);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(randomUuid(createRandom(5))).toBe(ids[0]);
  });
});
