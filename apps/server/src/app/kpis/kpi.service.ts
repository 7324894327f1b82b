import { WorkflowKpiRepository } from '@grid-command/clickhouse';
import {
  kpiQuerySchema,
  SCOPE_CODE_LENGTH,
  type KpiComparison,
  type KpiResponse,
  type Ranking,
  type ScopeSummary,
} from '@grid-command/contracts';
import {
  compareTallies,
  comparisonAsOf,
  figuresFromTallies,
  MIN_COMPARABLE_TICKETS,
  rankUnits,
  RESOLVE_BUCKET_BOUNDS_MINUTES,
  resolveKpiPeriod,
  type KpiRange,
  type ReferenceIndex,
  type WorkflowTallies,
} from '@grid-command/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { invalidInput } from '../common/invalid-input';
import { checkReplayInstant } from '../common/replay-instant';
import { resolveScope } from '../common/scope-resolver';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';

export const OVERDUE_LIST_LIMIT = 50;
const MINUTE_MS = 60_000;

/** Streets are ranked on a district's wall, communities on a street's, grids on a community's; a grid is the bottom. */
const RANKED_LEVEL: Partial<Record<ScopeSummary['level'], Ranking['level']>> = { district: 'street', street: 'community', community: 'grid' };

@Injectable()
export class KpiService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly repository: WorkflowKpiRepository,
  ) {}

  async kpis(rawQuery: Record<string, unknown>, clockNow = new Date()): Promise<KpiResponse> {
    const parsed = kpiQuerySchema.safeParse(rawQuery);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    const query = parsed.data;
    const scope = resolveScope(this.reference, query.scope, 'scope');
    const historyStart = await this.repository.historyStart();
    // A replay (`at`) is the whole answer as it stood then: "now" is `at`, and each ticket counts as it stood at `at`.
    const now = query.at === undefined ? clockNow : new Date(query.at);
    if (query.at !== undefined) checkReplayInstant(now, clockNow, historyStart, this.config.timeZone);
    const tickets = query.at === undefined ? this.repository : this.repository.asOf(now);
    const period = resolveKpiPeriod(
      query.period === 'custom' ? { kind: 'custom', from: query.from as string, to: query.to as string } : { kind: query.period },
      now,
      this.config.timeZone,
    );
    const prefix = scope.code;
    // 环比 and 同比 read their tickets as they stood at the same age as the period's now (like-for-like.ts).
    const previousAsOf = comparisonAsOf(period.range, period.previous, now);
    const lastYearAsOf = comparisonAsOf(period.range, period.lastYear, now);
    const [current, previous, lastYear, overdueNow, overdue, distribution, ranking] = await Promise.all([
      tickets.tallies(prefix, period.range),
      covers(historyStart, period.previous) ? this.repository.asOf(previousAsOf).tallies(prefix, period.previous) : null,
      covers(historyStart, period.lastYear) ? this.repository.asOf(lastYearAsOf).tallies(prefix, period.lastYear) : null,
      tickets.overdueCount(prefix, now),
      tickets.overdueTickets(prefix, now, OVERDUE_LIST_LIMIT),
      tickets.resolveDistribution(prefix, period.range),
      this.ranking(tickets, scope, period.range, now),
    ]);
    return {
      scope: scope.scope,
      scopeName: scope.name,
      period: query.period,
      generatedAt: now.toISOString(),
      range: isoRange(period.range),
      previousRange: isoRange(period.previous),
      lastYearRange: isoRange(period.lastYear),
      current: figuresFromTallies(current),
      previous: previous === null ? null : figuresFromTallies(previous),
      lastYear: lastYear === null ? null : figuresFromTallies(lastYear),
      previousComparison: comparison(period.previous, previousAsOf, current, previous, historyStart, now < period.range.from),
      lastYearComparison: comparison(period.lastYear, lastYearAsOf, current, lastYear, historyStart, now < period.range.from),
      overdueNow,
      overdue: overdue.map((ticket) => ({
        ...ticket,
        communityName: this.reference.find({ level: 'community', code: ticket.gridCode.slice(0, SCOPE_CODE_LENGTH.community) })?.name ?? ticket.gridCode,
        overdueMinutes: Math.floor((now.getTime() - Date.parse(ticket.dueAt)) / MINUTE_MS),
      })),
      ranking,
      resolveDistribution: RESOLVE_BUCKET_BOUNDS_MINUTES.map((fromMinutes, index) => ({
        fromMinutes,
        toMinutes: RESOLVE_BUCKET_BOUNDS_MINUTES[index + 1] ?? null,
        tickets: distribution[index] ?? 0,
      })),
    };
  }

  private async ranking(tickets: WorkflowKpiRepository, scope: ScopeSummary, range: KpiRange, now: Date): Promise<Ranking | null> {
    const level = RANKED_LEVEL[scope.level];
    if (!level) return null;
    const units = this.reference.children({ level: scope.level, code: scope.code });
    const tallies = new Map((await tickets.unitTallies(scope.code, SCOPE_CODE_LENGTH[level], range, now)).map((row) => [row.unitCode, row]));
    return rankUnits(
      level,
      units.map((unit) => {
        const row = tallies.get(unit.code);
        return {
          scope: unit.scope,
          name: unit.name,
          population: this.reference.population({ level: unit.level, code: unit.code }),
          reported: row?.reported ?? 0,
          closed: row?.closed ?? 0,
          resolved: row?.resolved ?? 0,
          overdueNow: row?.overdueNow ?? 0,
        };
      }),
    );
  }
}

/** Whether the stored history reaches back to the start of `range`, so its figures are data and not a gap. */
function covers(historyStart: Date | null, range: KpiRange): boolean {
  return historyStart !== null && historyStart.getTime() <= range.from.getTime();
}

function comparison(
  range: KpiRange,
  asOf: Date,
  current: WorkflowTallies,
  baseline: WorkflowTallies | null,
  historyStart: Date | null,
  notStarted: boolean,
): KpiComparison {
  return {
    basis: 'same_point_same_age',
    range: isoRange(range),
    asOf: asOf.toISOString(),
    minTickets: MIN_COMPARABLE_TICKETS,
    figures: compareTallies(current, baseline, { historyMissing: !covers(historyStart, range), notStarted }),
  };
}

function isoRange(range: KpiRange): { from: string; to: string } {
  return { from: range.from.toISOString(), to: range.to.toISOString() };
}
