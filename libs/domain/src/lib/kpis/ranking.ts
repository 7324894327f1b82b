import type { RankedUnit, Ranking } from '@grid-command/contracts';

export const RANKING_MIN_TICKETS = 20;

/** Decimal places of a percent every rate on the wall is shown and ranked with: 30.3%, 29.5%, 100.0%. */
export const RATE_DECIMALS = 1;

/** A 0..1 rate rounded to what the wall shows, so a rank never contradicts the figures beside it. */
export function rateAsShown(rate: number): number {
  const scale = 100 * 10 ** RATE_DECIMALS;
  return Math.round(rate * scale) / scale;
}

export interface UnitTally {
  readonly scope: string;
  readonly name: string;
  readonly population: number | null;
  /** Reported in the range. */
  readonly reported: number;
  /** Of those, resolved now. */
  readonly closed: number;
  /** Resolved in the range. */
  readonly resolved: number;
  readonly overdueNow: number;
}

/**
 * Ranks units by the closing rate the wall shows (rounded to RATE_DECIMALS), higher first; equal rates by more
 * reports first (the same rate over more tickets is the steadier result), then by name. Units under `minTickets`
 * are not ranked but listed apart, most reports first: a community with 3 tickets all closed does not top the list.
 */
export function rankUnits(level: Ranking['level'], units: readonly UnitTally[], minTickets = RANKING_MIN_TICKETS): Ranking {
  const described = units.map((unit): RankedUnit => ({
    scope: unit.scope,
    name: unit.name,
    reported: unit.reported,
    resolved: unit.resolved,
    closingRate: unit.reported === 0 ? null : rateAsShown(unit.closed / unit.reported),
    overdueNow: unit.overdueNow,
    population: unit.population,
    reportedPer10k: unit.population === null ? null : (unit.reported / unit.population) * 10_000,
    rank: null,
  }));
  const byName = (a: RankedUnit, b: RankedUnit): number => a.name.localeCompare(b.name, 'zh-CN') || a.scope.localeCompare(b.scope);
  const byRate = (a: RankedUnit, b: RankedUnit): number => (b.closingRate ?? 0) - (a.closingRate ?? 0) || b.reported - a.reported || byName(a, b);
  const ranked = described
    .filter((unit) => unit.reported >= minTickets)
    .sort(byRate)
    .map((unit, index) => ({ ...unit, rank: index + 1 }));
  const unranked = described.filter((unit) => unit.reported < minTickets).sort((a, b) => b.reported - a.reported || byName(a, b));
  return { level, minTickets, ranked, unranked };
}
