import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';
import { formatDuration } from '../../shared/time/duration-format';

/**
 * - `waiting`: no answer yet for this scope;
 * - `fresh`: the last fetch worked and its figures are younger than the bound;
 * - `stale`: figures are shown but the last fetch failed or they are older than the bound;
 * - `unavailable`: nothing to show, and fetching fails.
 */
export type KpiFreshnessLevel = 'waiting' | 'fresh' | 'stale' | 'unavailable';

export interface KpiFreshness {
  readonly level: KpiFreshnessLevel;
  /** Whole seconds since the shown figures were computed; null with none shown. */
  readonly ageSeconds: number | null;
  readonly lastFetchFailed: boolean;
}

export interface KpiFreshnessInput {
  /** `generatedAt` of the figures shown, null when none are. */
  readonly generatedAtMs: number | null;
  readonly lastFetchFailed: boolean;
  readonly nowMs: number;
  readonly staleAfterSeconds: number;
}

export function assessKpiFreshness(input: KpiFreshnessInput): KpiFreshness {
  const { generatedAtMs, lastFetchFailed, nowMs, staleAfterSeconds } = input;
  if (generatedAtMs === null) return { level: lastFetchFailed ? 'unavailable' : 'waiting', ageSeconds: null, lastFetchFailed };
  const ageSeconds = Math.max(0, Math.floor((nowMs - generatedAtMs) / 1000));
  const level = lastFetchFailed || ageSeconds > staleAfterSeconds ? 'stale' : 'fresh';
  return { level, ageSeconds, lastFetchFailed };
}

/**
 * How old KPI figures may get before the wall says so: two missed refreshes, and never less than the live
 * data's own bound (a refresh takes time, and a slow answer is not yet a stale one).
 */
export function kpiStaleAfterSeconds(refreshSeconds: number, liveStaleAfterSeconds: number): number {
  return Math.max(liveStaleAfterSeconds, 2 * refreshSeconds);
}

/** What the KPI panels say about their data; null when it is fresh and there is nothing to say. */
export function kpiFreshnessNotice(freshness: KpiFreshness, lang: Lang): string | null {
  switch (freshness.level) {
    case 'fresh':
      return null;
    case 'waiting':
      return translate(lang, 'kpiData.loading');
    case 'unavailable':
      return translate(lang, 'kpiData.unavailable');
    case 'stale': {
      const age = formatDuration(freshness.ageSeconds ?? 0, lang);
      return translate(lang, freshness.lastFetchFailed ? 'kpiData.failedStale' : 'kpiData.stale', { age });
    }
  }
}
