import { ACTIVE_ALERT_STATES, ALERT_STATES, REPORT_CATEGORIES, type Alert, type AlertState, type ReportCategory } from '@grid-command/contracts';
import { parseScope } from '../wall/navigation/scope-trail';

/** What the duty officer narrowed the list to; kept in the address so a reload or a shared link shows the same. */
export interface ConsoleFilters {
  /** A unit directly below the console's scope (a street of the district); null for all of them. */
  readonly within: string | null;
  readonly category: ReportCategory | null;
  /** Never empty; the three active states unless the officer asked for closed ones too. */
  readonly states: readonly AlertState[];
}

export const DEFAULT_FILTERS: ConsoleFilters = { within: null, category: null, states: ACTIVE_ALERT_STATES };

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
export function parseConsoleFilters(search: string): ConsoleFilters {
  const params = new URLSearchParams(search);
  const within = params.get('within')?.trim() ?? '';
  const category = params.get('category')?.trim().toLowerCase() ?? '';
  return {
    within: parseScope(within) === null ? null : within,
    category: isCategory(category) ? category : null,
    states: parseStates(params.get('state')),
  };
}

function sameStates(a: readonly AlertState[], b: readonly AlertState[]): boolean {
  return a.length === b.length && a.every((state) => b.includes(state));
}

/** The same address with the filters replaced; defaults are left out so the plain `/console` stays plain. */
export function withConsoleFilters(search: string, filters: ConsoleFilters): string {
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

/** Whether the scope id `scope` is `ancestor` itself or lies under it (codes extend their parents' codes). */
export function isWithin(scope: string, ancestor: string): boolean {
  const inner = parseScope(scope);
  const outer = parseScope(ancestor);
  return inner !== null && outer !== null && inner.code.startsWith(outer.code);
}

export function matchesFilters(alert: Alert, filters: ConsoleFilters): boolean {
  if (!filters.states.includes(alert.state)) return false;
  if (filters.category !== null && alert.category !== filters.category) return false;
  return filters.within === null || isWithin(alert.scope, filters.within);
}

/** The query of `GET /api/v1/alerts` for the list the filters ask for (the narrower scope when one is picked). */
export function alertListQuery(scope: string, filters: ConsoleFilters, limit: number, updatedSince: string | null = null): string {
  const params = new URLSearchParams({ scope: filters.within ?? scope, state: ALERT_STATES.filter((state) => filters.states.includes(state)).join(',') });
  if (filters.category !== null) params.set('category', filters.category);
  if (updatedSince !== null) params.set('updatedSince', updatedSince);
  params.set('limit', String(limit));
  return params.toString();
}
