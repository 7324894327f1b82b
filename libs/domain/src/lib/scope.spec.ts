import { describe, expect, it } from '@jest/globals';
import { childLevelOf, contains, formatScope, InvalidScopeError, levelOfCode, lineageOf, parentOf, parseScope } from './scope';

describe('parseScope', () => {
  it.each([
    ['district:450103', 'district', '450103'],
    ['street:450103001', 'street', '450103001'],
    ['community:450103001002', 'community', '450103001002'],
    ['grid:450103001002015', 'grid', '450103001002015'],
  ])('reads %s', (input, level, code) => {
    expect(parseScope(input)).toEqual({ level, code });
    expect(formatScope(parseScope(input))).toBe(input);
  });

  it.each([
    ['450103', 'expected level:code'],
    ['city:450100', 'unknown level "city"'],
    ['district:45010', 'a district code has 6 digits'],
    ['street:450103', 'a street code has 9 digits'],
    ['grid:45010300100201x', 'a grid code has 15 digits'],
    ['district:', 'a district code has 6 digits'],
  ])('rejects %s', (input, reason) => {
    expect(() => parseScope(input)).toThrow(InvalidScopeError);
    expect(() => parseScope(input)).toThrow(reason);
  });
});

describe('hierarchy', () => {
  it('walks up from a grid to its district', () => {
    expect(lineageOf({ level: 'grid', code: '450103001002015' }).map(formatScope)).toEqual([
      'district:450103',
      'street:450103001',
      'community:450103001002',
      'grid:450103001002015',
    ]);
    expect(parentOf({ level: 'district', code: '450103' })).toBeNull();
  });

  it('knows the level below each level', () => {
    expect(childLevelOf('district')).toBe('street');
    expect(childLevelOf('community')).toBe('grid');
    expect(childLevelOf('grid')).toBeNull();
  });

  it('tells the level from the code length', () => {
    expect(levelOfCode('450103001')).toBe('street');
    expect(levelOfCode('4501030010')).toBeUndefined();
    expect(levelOfCode('abcdef')).toBeUndefined();
  });

  it('contains only codes that start with the scope code', () => {
    expect(contains({ level: 'street', code: '450103001' }, '450103001002015')).toBe(true);
    expect(contains({ level: 'street', code: '450103001' }, '450103002001001')).toBe(false);
    expect(contains({ level: 'grid', code: '450103001002015' }, '450103001')).toBe(false);
  });
});
