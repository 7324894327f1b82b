import type { RankedUnit, Ranking } from '@grid-command/contracts';

export const RANKING_MIN_TICKETS = 20;
export const RANKING_PRIOR_WEIGHT = 20;

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
 * Ranks units by their closing rate shrunk toward the parent's: (closed + k·p) / (reported + k). A community
 * with 3 tickets all closed does not outrank one with 300 at 97%; units under `minTickets` are listed apart.
 */
export function rankUnits(
  level: Ranking['level'],
  units: readonly UnitTally[],
  parentRate: number | null,
  minTickets = RANKING_MIN_TICKETS,
  priorWeight = RANKING_PRIOR_WEIGHT,
): Ranking {
  const prior = parentRate ?? 0;
  const described = units.map((unit): RankedUnit => ({
    scope: unit.scope,
    name: unit.name,
    reported: unit.reported,
    resolved: unit.resolved,
    closingRate: unit.reported === 0 ? null : unit.closed / unit.reported,
    shrunkClosingRate: unit.reported + priorWeight === 0 ? null : (unit.closed + priorWeight * prior) / (unit.reported + priorWeight),
    overdueNow: unit.overdueNow,
    population: unit.population,
    reportedPer10k: unit.population === null ? null : (unit.reported / unit.population) * 10_000,
    rank: null,
  }));
  const byShrunkRate = (a: RankedUnit, b: RankedUnit): number =>
    (b.shrunkClosingRate ?? 0) - (a.shrunkClosingRate ?? 0) || b.reported - a.reported || a.scope.localeCompare(b.scope);
  const ranked = described
    .filter((unit) => unit.reported >= minTickets)
    .sort(byShrunkRate)
    .map((unit, index) => ({ ...unit, rank: index + 1 }));
  const unranked = described.filter((unit) => unit.reported < minTickets).sort((a, b) => b.reported - a.reported || a.scope.localeCompare(b.scope));
  return { level, minTickets, priorWeight, ranked, unranked };
}
