import { z } from 'zod';

/**
 * The instants any request may name, whatever the field: ClickHouse's `DateTime` is 32-bit (1970 … 2106-02-07) and
 * the per-minute view rounds `reportedAt` into one, so an instant outside these bounds would wrap around to a
 * minute decades away. Tighter, configured windows apply on top where data is written (a report's `reportedAt`: not
 * older than `INGEST_MAX_REPORT_AGE_DAYS`, not more than `INGEST_MAX_CLOCK_SKEW_SECONDS` ahead).
 */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00.000Z';
export const LATEST_INSTANT = '2100-12-31T23:59:59.999Z';
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';

const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);
const LATEST_MS = Date.parse(LATEST_INSTANT);

/** An ISO-8601 instant with an offset (`Z` or `+08:00`) between 2000-01-01 and 2100-12-31 UTC. */
export const boundedInstantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 date-time with an offset, such as 2026-05-20T18:25:00+08:00' })
  .refine((value) => {
    const ms = Date.parse(value);
    // Not a date-time at all is the format's issue, said once.
    return Number.isNaN(ms) || (ms >= EARLIEST_MS && ms <= LATEST_MS);
  }, `must lie between ${EARLIEST_INSTANT} and ${LATEST_INSTANT}`);

/** A calendar day `YYYY-MM-DD` between 2000-01-01 and 2100-12-31 that exists (no 2026-02-30). */
export const boundedDateSchema = z.iso
  .date({ error: 'must be a date YYYY-MM-DD' })
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (value >= EARLIEST_DATE && value <= LATEST_DATE), `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`);
