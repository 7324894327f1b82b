import { describe, expect, it } from '@jest/globals';
import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  it('measures arrays and objects alike, scalars as depth 0', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan([{ location: { lat: 1 } }], 3)).toBe(false);
    expect(nestsDeeperThan([{ location: { lat: { deeper: 1 } } }], 3)).toBe(true);
  });

  it('walks a body nested a million levels deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`) as unknown;
    expect(nestsDeeperThan(deep, 32)).toBe(true);
  });
});
