import { REPORT_SOURCES, type ApiErrorCode, type ReportSource } from '@grid-command/contracts';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { SampledGauge } from './sampled-gauge';

export const METRIC_PREFIX = 'gridcommand_';

/**
 * A body's source as a label: one of the contract's sources; `mixed` for a body of several, `unknown` for anything
 * else — never free text from a refused body.
 */
export type SourceLabel = ReportSource | 'mixed' | 'unknown';
/** Why an ingest body was refused: the error code it was answered with (`internal` for an unexpected failure). */
export type RefusalReason = ApiErrorCode | 'internal';
/** Which request budget refused a request (common/rate-limits). */
export type RateLimitBudget = 'ingest_key' | 'principal' | 'failed_authentication';

const SOURCES: ReadonlySet<string> = new Set<string>([...REPORT_SOURCES, 'mixed']);

/** Latencies of one request or one insert: 1 ms … 10 s. */
const REQUEST_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Latencies across the pipeline, from a 202 to ClickHouse or to a screen: 50 ms … 30 min (a backlog drains for minutes). */
const PIPELINE_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800];
/** Reports per stored batch (a group commit holds up to INGEST_MAX_GROUP_REPORTS). */
const BATCH_REPORTS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/**
 * Every Prometheus metric of one server process, declared here once with its help text and labels; capabilities
 * record through the typed methods (counters and histograms only: no await, no I/O on a request's path) or register
 * a sampler for a gauge that is read when scraped. One registry per process (not prom-client's global one), so a
 * test may boot several apps in one Jest process. Label values are bounded: sources, reasons, states, queues — never
 * ids, user names or grid codes.
 */
export class PipelineMetrics {
  readonly registry = new Registry();

  private readonly ingestReports = new Counter({
    name: `${METRIC_PREFIX}ingest_reports_total`,
    help: 'Reports answered by POST /api/v1/reports, by outcome (accepted, duplicate, refused), refusal reason ("none" unless refused) and source.',
    labelNames: ['outcome', 'reason', 'source'] as const,
    registers: [this.registry],
  });
  private readonly acceptDuration = new Histogram({
    name: `${METRIC_PREFIX}ingest_accept_duration_seconds`,
    help: 'Time from a POST /api/v1/reports request reaching the server to its 202 (reports durably queued).',
    buckets: REQUEST_SECONDS,
    registers: [this.registry],
  });
  private readonly batchReports = new Histogram({
    name: `${METRIC_PREFIX}store_batch_reports`,
    help: 'Reports per batch the worker stored in ClickHouse.',
    buckets: BATCH_REPORTS,
    registers: [this.registry],
  });
  private readonly insertDuration = new Histogram({
    name: `${METRIC_PREFIX}store_insert_duration_seconds`,
    help: 'Time of one batch insert into ClickHouse, bad reports isolated.',
    buckets: REQUEST_SECONDS,
    registers: [this.registry],
  });
  private readonly acceptedToStored = new Histogram({
    name: `${METRIC_PREFIX}report_accepted_to_stored_seconds`,
    help: "Time from a batch's acceptance (its 202) to its reports stored in ClickHouse.",
    buckets: PIPELINE_SECONDS,
    registers: [this.registry],
  });
  private readonly acceptedToPushed = new Histogram({
    name: `${METRIC_PREFIX}report_accepted_to_pushed_seconds`,
    help: "Time from a stored batch's acceptance to the first live snapshot of a scope it touched sent to the screens.",
    buckets: PIPELINE_SECONDS,
    registers: [this.registry],
  });
  private readonly rateLimitRefusals = new Counter({
    name: `${METRIC_PREFIX}rate_limit_refusals_total`,
    help: 'Requests refused 429 by a request budget, by budget.',
    labelNames: ['budget'] as const,
    registers: [this.registry],
  });

  private readonly layoutRejections = new Counter({
    name: `${METRIC_PREFIX}dashboard_layout_rejections_total`,
    help: 'Wall layout files found invalid (at start-up or after an edit), each bad state of a file once; the wall keeps its last good version.',
    registers: [this.registry],
  });

  readonly queueWaitingJobs = new SampledGauge<'queue'>(this.registry, {
    name: `${METRIC_PREFIX}queue_waiting_jobs`,
    help: 'Jobs waiting in a BullMQ queue (not yet taken by a worker), sampled.',
    labelNames: ['queue'],
  });
  readonly queueOldestWaitingSeconds = new SampledGauge<'queue'>(this.registry, {
    name: `${METRIC_PREFIX}queue_oldest_waiting_seconds`,
    help: 'Age of the oldest job waiting in a BullMQ queue (0 when none waits), sampled.',
    labelNames: ['queue'],
  });
  readonly deadLetterReports = new SampledGauge(this.registry, {
    name: `${METRIC_PREFIX}dead_letter_reports`,
    help: 'Reports parked in the dead-letter hash instead of stored, sampled.',
  });
  readonly redisUp = new SampledGauge(this.registry, {
    name: `${METRIC_PREFIX}redis_up`,
    help: '1 when Redis answered a PING within 2 s, else 0; probed at most every 2 s.',
  });
  readonly redisRestarts = new SampledGauge(this.registry, {
    name: `${METRIC_PREFIX}redis_restarts_total`,
    help: 'Restarts of the embedded redis-server after an unexpected death since this process started it (absent with REDIS_URL).',
    type: 'counter',
  });
  readonly clickhouseUp = new SampledGauge(this.registry, {
    name: `${METRIC_PREFIX}clickhouse_up`,
    help: '1 when ClickHouse answered a ping within 2 s, else 0; probed at most every 2 s.',
  });
  readonly liveSockets = new SampledGauge(this.registry, {
    name: `${METRIC_PREFIX}live_sockets`,
    help: 'Sockets connected to /live in this process.',
  });
  readonly liveSubscriptions = new SampledGauge<'kind'>(this.registry, {
    name: `${METRIC_PREFIX}live_subscriptions`,
    help: 'Subscriptions held by the sockets of this process: kind "snapshot" (a scope\'s snapshots) or "alerts" (a scope\'s alerts).',
    labelNames: ['kind'],
  });
  readonly alerts = new SampledGauge<'state'>(this.registry, {
    name: `${METRIC_PREFIX}alerts`,
    help: 'Live (not closed) alerts by state, sampled from the alert store.',
    labelNames: ['state'],
  });

  constructor() {
    // Memory, CPU, handles, GC and event-loop lag of this process, into this registry only.
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX, eventLoopMonitoringPrecision: 10 });
  }

  reportsAccepted(source: string, count: number): void {
    this.ingestReports.inc({ outcome: 'accepted', reason: 'none', source: sourceLabel(source) }, count);
  }

  reportsDuplicate(source: string, count: number): void {
    this.ingestReports.inc({ outcome: 'duplicate', reason: 'none', source: sourceLabel(source) }, count);
  }

  reportsRefused(reason: RefusalReason, source: string, count: number): void {
    this.ingestReports.inc({ outcome: 'refused', reason, source: sourceLabel(source) }, count);
  }

  accepted(seconds: number): void {
    this.acceptDuration.observe(seconds);
  }

  batchStored(reports: number, insertSeconds: number, acceptedToStoredSeconds: number): void {
    this.batchReports.observe(reports);
    this.insertDuration.observe(insertSeconds);
    this.acceptedToStored.observe(acceptedToStoredSeconds);
  }

  snapshotPushed(acceptedToPushedSeconds: number): void {
    this.acceptedToPushed.observe(acceptedToPushedSeconds);
  }

  layoutRejected(): void {
    this.layoutRejections.inc();
  }

  rateLimitRefused(budget: RateLimitBudget): void {
    this.rateLimitRefusals.inc({ budget });
  }

  /** The registry's metrics in Prometheus' text format, with `contentType` for the answer's header. */
  async scrape(): Promise<{ readonly contentType: string; readonly text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}

function sourceLabel(source: string): SourceLabel {
  return SOURCES.has(source) ? (source as ReportSource) : 'unknown';
}
