import type { Lang } from '../../shared/config/wall-params';
import { translate } from '../../shared/i18n/messages';
import { formatDuration } from '../../shared/time/duration-format';

/**
 * - `waiting`: no answer yet for this scope;
 * - `fresh`: figures are arriving and those shown are younger than the bound;
 * - `stale`: figures are shown but are not arriving (socket down, heartbeat overdue) or are older than the bound;
 * - `unavailable`: nothing to show, and nothing arriving.
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
