import { ACTIVE_ALERT_STATES } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ALERT_FILTERS } from '../shared/alerts/alert-filters';
import { parseConsoleFilters, withConsoleFilters } from './console-params';

describe('parseConsoleFilters', () => {
  it('shows every active alert of the scope by default', () => {
    expect(parseConsoleFilters('')).toEqual({ within: null, category: null, states: ACTIVE_ALERT_STATES });
  });

  it('reads a unit, a category and states, in lifecycle order', () => {
    expect(parseConsoleFilters('?within=street:450103001&category=NOISE&state=closed,open')).toEqual({
      within: 'street:450103001',
      category: 'noise',
      states: ['open', 'closed'],
    });
  });

  it('ignores what it cannot use rather than showing an empty desk', () => {
    expect(parseConsoleFilters('?within=street:45&category=weather&state=lost,')).toEqual(DEFAULT_ALERT_FILTERS);
  });
});

describe('withConsoleFilters', () => {
  it('writes the filters next to the other parameters', () => {
    expect(withConsoleFilters('?scope=district:450103&lang=en', { within: 'street:450103002', category: 'parking', states: ['open', 'closed'] })).toBe(
      '?scope=district%3A450103&lang=en&within=street%3A450103002&category=parking&state=open%2Cclosed',
    );
  });

  it('leaves the defaults out, so a plain console keeps a plain address', () => {
    expect(withConsoleFilters('?within=street:450103002&state=closed', DEFAULT_ALERT_FILTERS)).toBe('');
  });

  it('reads back what it writes', () => {
    const filters = { within: 'street:450103002', category: 'noise' as const, states: ['acknowledged', 'closed'] as const };
    expect(parseConsoleFilters(withConsoleFilters('', filters))).toEqual(filters);
  });
});
