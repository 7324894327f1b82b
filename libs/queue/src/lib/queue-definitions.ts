import type { JobsOptions } from 'bullmq';

/** Queue names, key prefixes and job options in one place; the jobs themselves are in job-definitions.ts. */
export const QUEUE_PREFIX = 'gc';
export const REPORTS_QUEUE = 'reports';

/** How long an accepted report id is remembered as a duplicate. Clients retry within minutes; a week is generous. */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;

export const REPORTS_STORED_CHANNEL = `${QUEUE_PREFIX}:events:reports-stored`;
export const TICKET_EVENTS_STORED_CHANNEL = `${QUEUE_PREFIX}:events:ticket-events-stored`;

export function reportKey(id: string): string {
  return `${QUEUE_PREFIX}:report:${id}`;
}

export function ticketKey(id: string): string {
  return `${QUEUE_PREFIX}:ticket:${id}`;
}

/** Alerts: each record, the open one per dedup key, an index by last change, the outbox toward ClickHouse. */
export const ALERT_OPEN_KEY = `${QUEUE_PREFIX}:alerts:open`;
export const ALERT_INDEX_KEY = `${QUEUE_PREFIX}:alerts:index`;
export const ALERT_OUTBOX_KEY = `${QUEUE_PREFIX}:alerts:outbox`;
export const ALERT_MUTES_KEY = `${QUEUE_PREFIX}:alerts:mutes`;
export const ALERT_MUTE_SUPPRESSED_KEY = `${QUEUE_PREFIX}:alerts:mutes:suppressed`;
export const ALERTS_CHANNEL = `${QUEUE_PREFIX}:events:alerts`;
/** A closed alert stays readable in Redis this long; ClickHouse keeps its history for good. */
export const CLOSED_ALERT_TTL_SECONDS = 7 * 24 * 3600;

export function alertKey(id: string): string {
  return `${QUEUE_PREFIX}:alert:${id}`;
}

export function alertReportsKey(id: string): string {
  return `${QUEUE_PREFIX}:alert:${id}:reports`;
}

export function alertCooldownKey(dedupKey: string): string {
  return `${QUEUE_PREFIX}:alert-cooldown:${dedupKey}`;
}

/** Marks a report whose critical alert was raised, so the worker's pass does not raise it again after a close. */
export function alertedReportKey(reportId: string): string {
  return `${QUEUE_PREFIX}:alerted-report:${reportId}`;
}

/** The ingest API and the worker both raise critical alerts; a day covers any backlog between them. */
export const ALERTED_REPORT_TTL_SECONDS = 24 * 3600;

export function spikeWindowKeyOf(ruleId: string, scope: string, category: string): string {
  return `${QUEUE_PREFIX}:spike:${ruleId}|${scope}|${category}`;
}

/** Recorded ticket events not yet stored in ClickHouse. */
export const TICKET_EVENT_OUTBOX_KEY = `${QUEUE_PREFIX}:ticket-events:outbox`;

/**
 * A ticket's live record is kept this long after its last event, which bounds Redis memory to the tickets
 * touched in that time; ClickHouse keeps every ticket for good and rebuilds a record that expired.
 */
export const TICKET_RECORD_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Attempts are many and the backoff is capped (see `retryDelayMs`) so a ClickHouse outage of about two
 * hours is ridden out; a batch that still fails stays in the failed set for an operator, never dropped.
 */
export const STORE_BATCH_JOB_OPTIONS: JobsOptions = {
  attempts: 250,
  backoff: { type: 'capped-exponential' },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

/**
 * A batch whose worker died is taken up again once its lock expires; storing a batch takes milliseconds, so a
 * short lock brings the data of a crashed worker back within seconds. Crash loops are tolerated, not failed.
 */
export const WORKER_LOCK_MS = 10_000;
export const WORKER_STALLED_CHECK_MS = 5_000;
export const WORKER_MAX_STALLED = 20;

export const RETRY_BASE_DELAY_MS = 250;
export const RETRY_MAX_DELAY_MS = 30_000;

export function retryDelayMs(attemptsMade: number): number {
  return Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1));
}
