import { describe, expect, it } from '@jest/globals';
import { CredentialUseCounter } from './credential-use-counter';

describe('CredentialUseCounter', () => {
  it('counts uses per kind and credential with the latest use, and starts afresh once drained', () => {
    const counter = new CredentialUseCounter();
    counter.count('ingest_key', 'k1', 1_000);
    counter.count('ingest_key', 'k1', 3_000);
    counter.count('ingest_key', 'k2', 2_000);
    counter.count('display_token', 'd1', 4_000);
    expect(counter.drain()).toEqual(
      new Map([
        ['ingest_key', new Map([['k1', { count: 2, lastUsedAtMs: 3_000 }], ['k2', { count: 1, lastUsedAtMs: 2_000 }]])],
        ['display_token', new Map([['d1', { count: 1, lastUsedAtMs: 4_000 }]])],
      ]),
    );
    expect(counter.drain()).toEqual(new Map());
  });
});
