import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from './app-config';

describe('metrics configuration', () => {
  it('has no scrape token unless METRICS_SCRAPE_TOKEN is set to one', () => {
    expect(loadAppConfig({}).metrics).toEqual({ scrapeToken: null });
    expect(loadAppConfig({ METRICS_SCRAPE_TOKEN: '' }).metrics).toEqual({ scrapeToken: null });
    expect(loadAppConfig({ METRICS_SCRAPE_TOKEN: 't'.repeat(32) }).metrics).toEqual({ scrapeToken: 't'.repeat(32) });
  });

  it('refuses a short scrape token or one a bearer header cannot carry, naming the variable but not the value', () => {
    expect(() => loadAppConfig({ METRICS_SCRAPE_TOKEN: 'short-token' })).toThrow(/METRICS_SCRAPE_TOKEN=\(hidden, 11 characters\): must be at least 32 characters/);
    expect(() => loadAppConfig({ METRICS_SCRAPE_TOKEN: `${'t'.repeat(32)} x` })).toThrow(/METRICS_SCRAPE_TOKEN=\(hidden, 34 characters\): must be printable ASCII/);
  });
});
