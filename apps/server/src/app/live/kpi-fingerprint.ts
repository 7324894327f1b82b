import type { KpiResponse } from '@grid-command/contracts';

/**
 * What a KPI push is compared by: everything but when it was computed. Ranges of a running period end at that
 * moment, so only where they start counts (a new day or week is a change); the figures over them are compared whole.
 */
export function kpiFingerprint(response: KpiResponse): string {
  return JSON.stringify({
    ...response,
    generatedAt: null,
    range: response.range.from,
    previousRange: response.previousRange.from,
    lastYearRange: response.lastYearRange.from,
  });
}
