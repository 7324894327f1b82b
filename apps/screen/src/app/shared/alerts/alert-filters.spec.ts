import { ACTIVE_ALERT_STATES } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { alertFixture } from '@grid-command/contracts/testing';
import { alertListQuery, DEFAULT_ALERT_FILTERS, isWithin, matchesFilters } from './alert-filters';

describe('matchesFilters', () => {
  const alert = alertFixture({ scope: 'grid:450103001002015', category: 'noise', state: 'acknowledged', acknowledgedBy: '张三' });

  it('keeps an alert of the unit, category and state asked for', () => {
    expect(matchesFilters(alert, { within: 'street:450103001', category: 'noise', states: ACTIVE_ALERT_STATES })).toBe(true);
  });

  it.each([
    ['another street', { within: 'street:450103002' }],
    ['another category', { category: 'parking' as const }],
    ['closed only', { states: ['closed'] as const }],
  ])('drops it for %s', (_case, change) => {
    expect(matchesFilters(alert, { ...DEFAULT_ALERT_FILTERS, ...change })).toBe(false);
  });

  it('counts a scope as within itself and its ancestors only', () => {
    expect(isWithin('street:450103001', 'street:450103001')).toBe(true);
    expect(isWithin('street:450103001', 'district:450103')).toBe(true);
    expect(isWithin('district:450103', 'street:450103001')).toBe(false);
  });
});

describe('alertListQuery', () => {
  it('asks for the unit picked instead of the whole scope, with the states and the category', () => {
    expect(alertListQuery('district:450103', { within: 'street:450103001', category: 'noise', states: ['open'] }, 500)).toBe(
      'scope=street%3A450103001&state=open&category=noise&limit=500',
    );
  });

  it('adds updatedSince for a catch-up', () => {
    expect(alertListQuery('district:450103', DEFAULT_ALERT_FILTERS, 100, '2026-11-23T02:00:00.000Z')).toBe(
      'scope=district%3A450103&state=open%2Cacknowledged%2Cdispatched&updatedSince=2026-11-23T02%3A00%3A00.000Z&limit=100',
    );
  });
});
