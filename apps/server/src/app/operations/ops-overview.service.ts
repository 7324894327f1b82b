import type { ClickHouseClient } from '@clickhouse/client';
import type { OpsOverview } from '@grid-command/contracts';
import type { ReferenceIndex } from '@grid-command/domain';
import { ConnectedScreens, PipelineBacklog, PipelineRates, ReportDeadLetters, SCREEN_REGISTRATION_EVERY_MS } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, CLICKHOUSE_CLIENT, REDIS_COMMANDS, REFERENCE_INDEX } from '../infrastructure/tokens';
import { capacitySourceName, headroomOf, readMeasuredCapacity } from './measured-capacity';
import { ratePairOf, TREND_SECONDS, trendOf } from './pipeline-rate-summary';
import { namedScopeOf } from './scope-names';
import { screensAt, staleAfterSeconds } from './screen-freshness';
import { clickHouseStatus, redisStatus } from './store-probes';

/**
 * The pipeline as every process sees it: rates, backlog, dead letters and screens all come from Redis, which the
 * processes share, so any process answers the same whichever took the reports or holds the sockets.
 */
@Injectable()
export class OpsOverviewService {
  private readonly screenStaleAfter: number;
  private readonly capacitySource: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(CLICKHOUSE_CLIENT) private readonly clickhouse: ClickHouseClient,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly rates: PipelineRates,
    private readonly backlog: PipelineBacklog,
    private readonly deadLetters: ReportDeadLetters,
    private readonly screens: ConnectedScreens,
  ) {
    this.screenStaleAfter = staleAfterSeconds(config.live.heartbeatMs, SCREEN_REGISTRATION_EVERY_MS);
    this.capacitySource = capacitySourceName(config.ops.capacityFile, process.cwd());
  }

  async overview(): Promise<OpsOverview> {
    const now = new Date();
    const [redis, clickhouse, capacity] = await Promise.all([redisStatus(this.redis), clickHouseStatus(this.clickhouse), readMeasuredCapacity(this.config.ops.capacityFile, this.capacitySource)]);
    if (redis.state === 'down') throw new AppError('unavailable', `Redis does not answer (${redis.problem}); the pipeline's figures are kept there`);
    const [counts, backlog, deadLetters, screens] = await Promise.all([
      this.rates.lastSeconds(now, TREND_SECONDS),
      this.backlog.read(),
      this.deadLetters.count(),
      this.screens.list(now),
    ]);
    const accepted = ratePairOf(counts.accepted);
    return {
      at: now.toISOString(),
      timeZone: this.config.timeZone,
      rates: { accepted, stored: ratePairOf(counts.stored) },
      trend: trendOf(counts.accepted, counts.stored, now),
      lag: { oldestWaitingSeconds: backlog.oldestWaitingSince === null ? 0 : Math.max(0, (now.getTime() - backlog.oldestWaitingSince.getTime()) / 1000) },
      queue: backlog.counts,
      deadLetters: { total: deadLetters },
      stores: { redis, clickhouse },
      screens: screensAt(screens, now, this.screenStaleAfter, (scope) => namedScopeOf(this.reference, scope)),
      screenStaleAfterSeconds: this.screenStaleAfter,
      capacity,
      headroom: headroomOf(accepted.last10s, capacity),
    };
  }
}
