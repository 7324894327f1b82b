import { describe, expect, it } from '@jest/globals';
import { ScrapeToken } from './scrape-token';

const TOKEN = 'prometheus-scrape-token-0123456789abcdef';

describe('ScrapeToken', () => {
  it('matches only Bearer with the configured token', () => {
    const scrape = new ScrapeToken(TOKEN);
    expect(scrape.matches(`Bearer ${TOKEN}`)).toBe(true);
    expect(scrape.matches(`Bearer ${TOKEN}x`)).toBe(false);
    expect(scrape.matches(`Bearer ${TOKEN.slice(1)}`)).toBe(false);
    expect(scrape.matches(TOKEN)).toBe(false);
    expect(scrape.matches(`Basic ${TOKEN}`)).toBe(false);
    expect(scrape.matches(undefined)).toBe(false);
  });

  it('matches nothing when no token is configured', () => {
    expect(new ScrapeToken(null).matches('Bearer ')).toBe(false);
    expect(new ScrapeToken(null).matches(`Bearer ${TOKEN}`)).toBe(false);
  });
});
