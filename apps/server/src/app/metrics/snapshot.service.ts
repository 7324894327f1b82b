import { ScopeMetricsRepository } from '@grid-command/clickhouse';
import { SCOPE_CODE_LENGTH, TREND_MINUTES, type ScopeSummary, type Snapshot } from '@grid-command/contracts';
import { buildSnapshot, childLevelOf, minuteWindow, startOfDay, type ReferenceIndex } from '@grid-command/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { checkReplayInstant } from '../common/replay-instant';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';

/** A scope's live metrics, read from ClickHouse's aggregates: what the screen shows is what ClickHouse holds. */
@Injectable()
export class SnapshotService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly metrics: ScopeMetricsRepository,
  ) {}

  /**
   * The live snapshot: reports with `reportedAt` up to now, like the workflow KPIs' 受理量 (tickets reported since
   * local midnight, before now), so the two differ only by when each was computed. A report stamped a little
   * ahead of the server's clock (allowed up to INGEST_MAX_CLOCK_SKEW_SECONDS) is counted once its time comes.
   */
  async snapshot(scope: ScopeSummary, now = new Date()): Promise<Snapshot> {
    return this.build(scope, now, now);
  }

  /**
   * The snapshot as the live one would have said it at `at` (a replay): windows ending at `at`, "today" the day of
   * `at` in the deployment's zone, only reports with `reportedAt` ≤ `at`. A report that arrived late is counted from
   * its `reportedAt`, so a replay can show one the live wall learnt of only later.
   */
  async snapshotAt(scope: ScopeSummary, at: Date, now = new Date()): Promise<Snapshot> {
    checkReplayInstant(at, now, await this.metrics.historyStart(), this.config.timeZone);
    return this.build(scope, at, at);
  }

  private async build(scope: ScopeSummary, now: Date, until: Date | undefined): Promise<Snapshot> {
    const childLevel = childLevelOf(scope.level);
    const [windowStart] = minuteWindow(now, TREND_MINUTES);
    const aggregates = await this.metrics.aggregates({
      codePrefix: scope.code,
      childCodeLength: childLevel === null ? null : SCOPE_CODE_LENGTH[childLevel],
      dayStart: startOfDay(now, this.config.timeZone),
      windowStart: windowStart ?? now,
      ...(until === undefined ? {} : { until }),
    });
    return buildSnapshot({
      scope,
      children: this.reference.children(scope),
      gridCount: this.reference.gridCount(scope),
      now,
      timeZone: this.config.timeZone,
      aggregates,
    });
  }
}
