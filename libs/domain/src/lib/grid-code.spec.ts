import { describe, expect, it } from '@jest/globals';
import { childCode, InvalidGridCodeError, parseGridCode, scopesOfGrid } from './grid-code';
import { formatScope } from './scope';

describe('parseGridCode', () => {
  it('splits a grid code into the codes of its district, street, community and grid', () => {
    expect(parseGridCode('450103001002015')).toEqual({
      district: '450103',
      street: '450103001',
      community: '450103001002',
      grid: '450103001002015',
    });
  });

  it.each(['45010300100201', '4501030010020150', '45010300100201x', '', '450103-001-002-015', ' 450103001002015'])(
    'rejects %j',
    (input) => {
      expect(() => parseGridCode(input)).toThrow(InvalidGridCodeError);
      expect(() => parseGridCode(input)).toThrow(`invalid grid code "${input}"`);
    },
  );

  it('keeps the rejected input on the error', () => {
    const error = (() => {
      try {
        parseGridCode('123');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidGridCodeError);
    expect((error as InvalidGridCodeError).input).toBe('123');
  });
});

describe('scopesOfGrid', () => {
  it('lists district, street, community and grid, top down', () => {
    expect(scopesOfGrid('450103001002015').map(formatScope)).toEqual([
      'district:450103',
      'street:450103001',
      'community:450103001002',
      'grid:450103001002015',
    ]);
  });

  it('rejects a community code, which is a scope but not a grid', () => {
    expect(() => scopesOfGrid('450103001002')).toThrow(InvalidGridCodeError);
  });
});

describe('childCode', () => {
  it.each([
    ['450103', 1, '450103001'],
    ['450103001', 15, '450103001015'],
    ['450103001002', 999, '450103001002999'],
  ])('appends field %2$i to %1$s as three digits', (parent, field, expected) => {
    expect(childCode(parent, field)).toBe(expected);
  });

  it('builds, level by level, a code parseGridCode accepts', () => {
    const grid = childCode(childCode(childCode('450103', 1), 2), 15);
    expect(parseGridCode(grid).grid).toBe('450103001002015');
  });

  it.each([0, 1000, -1, 1.5, Number.NaN])('rejects field %d outside 1..999', (field) => {
    expect(() => childCode('450103', field)).toThrow(RangeError);
  });
});

describe('childCode of a malformed parent', () => {
  it('refuses a parent that is a grid or not a code', () => {
    expect(() => childCode('450103001002015', 1)).toThrow(RangeError);
    expect(() => childCode('45010', 1)).toThrow('a parent code has 6, 9 or 12 digits');
  });
});
