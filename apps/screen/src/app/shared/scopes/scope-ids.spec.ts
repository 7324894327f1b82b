import { describe, expect, it } from '@jest/globals';
import { scopeChain, tryParseScope } from './scope-ids';

describe('tryParseScope', () => {
  it('splits a well-formed scope id', () => {
    expect(tryParseScope('street:450103001')).toEqual({ level: 'street', code: '450103001' });
  });

  it.each(['street:45010300', 'town:450103001', 'street', 'district:450103:1', 'district:45010x'])('refuses %s', (scope) => {
    expect(tryParseScope(scope)).toBeNull();
  });
});

describe('scopeChain', () => {
  it('names every ancestor from the code, district first', () => {
    expect(scopeChain('community:450103001002')).toEqual(['district:450103', 'street:450103001', 'community:450103001002']);
    expect(scopeChain('district:450103')).toEqual(['district:450103']);
  });

  it('is empty for a malformed scope', () => {
    expect(scopeChain('street:1')).toEqual([]);
  });
});
