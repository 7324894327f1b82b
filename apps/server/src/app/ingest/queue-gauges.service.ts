import { QueueBacklog, REPORTS_QUEUE } from '@grid-command/queue';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CachedSample, PipelineMetrics, SAMPLE_TTL_MS } from '../common/telemetry';
import { BACKLOG_SAMPLE_EVERY_MS, IngestBackpressure } from './backpressure/ingest-backpressure.service';

/** A backpressure sample older than this is not current: its sampler is off (both bounds 0) or failing. */
const CURRENT_WITHIN_MS = 4 * BACKLOG_SAMPLE_EVERY_MS;

interface QueueReading {
  readonly depth: number;
  readonly oldestWaitingSeconds: number;
}

/**
 * `gridcommand_queue_waiting_jobs` and `gridcommand_queue_oldest_waiting_seconds` of the report queue, from what the
 * backpressure sampler last saw (every 250 ms, so a scrape costs no Redis round trip); only when that sampler is not
 * running is the queue read here, once per scrape cache for both gauges.
 */
@Injectable()
export class QueueGauges implements OnModuleInit {
  private readonly reading = new CachedSample(() => this.read(), SAMPLE_TTL_MS);

  constructor(
    private readonly backpressure: IngestBackpressure,
    private readonly backlog: QueueBacklog,
    private readonly metrics: PipelineMetrics,
  ) {}

  onModuleInit(): void {
    const labels = { queue: REPORTS_QUEUE };
    // The reading is cached already, once for both gauges.
    const alreadyCached = 0;
    this.metrics.queueWaitingJobs.sampleFrom(async () => [{ labels, value: (await this.reading.get()).depth }], alreadyCached);
    this.metrics.queueOldestWaitingSeconds.sampleFrom(async () => [{ labels, value: (await this.reading.get()).oldestWaitingSeconds }], alreadyCached);
  }

  private async read(now = Date.now()): Promise<QueueReading> {
    const state = this.backpressure.state();
    if (state.sampledAt !== null && now - state.sampledAt.getTime() <= CURRENT_WITHIN_MS) {
      return { depth: state.queueDepth, oldestWaitingSeconds: state.oldestWaitingAgeSeconds };
    }
    const sample = await this.backlog.sample();
    return { depth: sample.waitingJobs, oldestWaitingSeconds: sample.oldestWaitingAddedAt === null ? 0 : Math.max(0, now - sample.oldestWaitingAddedAt) / 1000 };
  }
}
