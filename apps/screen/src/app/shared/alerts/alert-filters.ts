import { ACTIVE_ALERT_STATES, ALERT_STATES, type Alert, type AlertState, type ReportCategory } from '@grid-command/contracts';
import { contains } from '@grid-command/domain';
import { tryParseScope } from '../scopes/scope-ids';

/** Which of a scope's alerts a screen shows: the console lets the officer narrow them, the wall shows the active ones. */
export interface AlertFilters {
  /** A unit directly below the screen's scope (a street of the district); null for all of them. */
  readonly within: string | null;
  readonly category: ReportCategory | null;
  /** Never empty; the three active states unless closed ones are asked for too. */
  readonly states: readonly AlertState[];
}

export const DEFAULT_ALERT_FILTERS: AlertFilters = { within: null, category: null, states: ACTIVE_ALERT_STATES };

/** Whether the scope id `scope` is `ancestor` itself or lies under it. */
export function isWithin(scope: string, ancestor: string): boolean {
  const inner = tryParseScope(scope);
  const outer = tryParseScope(ancestor);
  return inner !== null && outer !== null && contains(outer, inner.code);
}

export function matchesFilters(alert: Alert, filters: AlertFilters): boolean {
  if (!filters.states.includes(alert.state)) return false;
  if (filters.category !== null && alert.category !== filters.category) return false;
  return filters.within === null || isWithin(alert.scope, filters.within);
}

/** The query of `GET /api/v1/alerts` for the list the filters ask for (the narrower scope when one is picked). */
export function alertListQuery(scope: string, filters: AlertFilters, limit: number, updatedSince: string | null = null): string {
  const params = new URLSearchParams({ scope: filters.within ?? scope, state: ALERT_STATES.filter((state) => filters.states.includes(state)).join(',') });
  if (filters.category !== null) params.set('category', filters.category);
  if (updatedSince !== null) params.set('updatedSince', updatedSince);
  params.set('limit', String(limit));
  return params.toString();
}
