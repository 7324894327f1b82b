import type { Freshness, FreshnessLevel } from '../shared/freshness/freshness';
import type { KpiFreshness, KpiFreshnessLevel } from './kpi/kpi-freshness';

/** Which feed the header speaks for: the live link, or the polled KPIs when they are worse off. */
export type WallFreshnessCause = 'live' | 'kpi';

export interface WallFreshnessLevel {
  readonly level: FreshnessLevel;
  readonly cause: WallFreshnessCause;
}

/** The whole wall's state for its header, with both feeds' details for the words. */
export interface WallFreshness extends WallFreshnessLevel {
  readonly live: Freshness;
  readonly kpi: KpiFreshness;
}

const SEVERITY: Readonly<Record<FreshnessLevel, number>> = { fresh: 0, waiting: 1, stale: 2, offline: 3 };

/**
 * What the KPI panels' state makes of the header. Loading KPIs are no complaint (the live figures are what the
 * header vouches for); stale or failing ones are, since their panels say so on the same screen.
 */
const KPI_EFFECT: Readonly<Record<KpiFreshnessLevel, FreshnessLevel>> = { fresh: 'fresh', waiting: 'fresh', stale: 'stale', unavailable: 'stale' };

/**
 * One status for the header from the live link and the KPI poll: the worse of the two, so it can never say 实时 while
 * a KPI panel says 更新失败 or 数据已延迟.
 */
export function combineWallFreshness(live: FreshnessLevel, kpi: KpiFreshnessLevel): WallFreshnessLevel {
  const fromKpi = KPI_EFFECT[kpi];
  return SEVERITY[fromKpi] > SEVERITY[live] ? { level: fromKpi, cause: 'kpi' } : { level: live, cause: 'live' };
}

export function wallFreshness(live: Freshness, kpi: KpiFreshness): WallFreshness {
  return { ...combineWallFreshness(live.level, kpi.level), live, kpi };
}
