import { describe, expect, it } from '@jest/globals';
import { scrubSecrets } from './redaction';

describe('scrubSecrets', () => {
  it('cuts ingest keys and display tokens out of any text, keeping their kind', () => {
    expect(scrubSecrets('key gck_AbC-12_x refused; wall gcd_Zz9 revoked')).toBe('key gck_[redacted] refused; wall gcd_[redacted] revoked');
  });

  it('cuts credentials out of an address query, whatever they look like, and leaves the rest', () => {
    expect(scrubSecrets('/?scope=district:450103&display=anything-at-all&lang=en')).toBe('/?scope=district:450103&display=[redacted]&lang=en');
    expect(scrubSecrets('/live/?token=eyJhbGciOi.x.y GET')).toBe('/live/?token=[redacted] GET');
    expect(scrubSecrets('/api/v1/scopes?scope=district:450103')).toBe('/api/v1/scopes?scope=district:450103');
  });
});
