import { ACTIVE_ALERT_STATES, ALERT_STATES, REPORT_CATEGORIES, type AlertState, type ReportCategory } from '@grid-command/contracts';
import type { AlertFilters } from '../shared/alerts/alert-filters';
import { tryParseScope } from '../shared/scopes/scope-ids';

// What the duty officer narrowed the list to is kept in the address, so a reload or a shared link shows the same.

function isCategory(value: string): value is ReportCategory {
  return (REPORT_CATEGORIES as readonly string[]).includes(value);
}

/** States in their lifecycle order, duplicates and unknown names dropped; the active ones when nothing usable is left. */
function parseStates(raw: string | null): readonly AlertState[] {
  if (raw === null) return ACTIVE_ALERT_STATES;
  const asked = new Set(raw.split(',').map((part) => part.trim().toLowerCase()));
  const states = ALERT_STATES.filter((state) => asked.has(state));
  return states.length === 0 ? ACTIVE_ALERT_STATES : states;
}

/** Reads `?within=street:450103001&category=noise&state=open,closed`; anything unusable is left unfiltered. */
export function parseConsoleFilters(search: string): AlertFilters {
  const params = new URLSearchParams(search);
  const within = params.get('within')?.trim() ?? '';
  const category = params.get('category')?.trim().toLowerCase() ?? '';
  return {
    within: tryParseScope(within) === null ? null : within,
    category: isCategory(category) ? category : null,
    states: parseStates(params.get('state')),
  };
}

function sameStates(a: readonly AlertState[], b: readonly AlertState[]): boolean {
  return a.length === b.length && a.every((state) => b.includes(state));
}

/** The same address with the filters replaced; defaults are left out so the plain `/console` stays plain. */
export function withConsoleFilters(search: string, filters: AlertFilters): string {
  const params = new URLSearchParams(search);
  const set = (name: string, value: string | null): void => {
    if (value === null) params.delete(name);
    else params.set(name, value);
  };
  set('within', filters.within);
  set('category', filters.category);
  const states = ALERT_STATES.filter((state) => filters.states.includes(state));
  set('state', states.length === 0 || sameStates(states, ACTIVE_ALERT_STATES) ? null : states.join(','));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
