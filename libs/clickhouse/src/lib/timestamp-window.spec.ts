import { EARLIEST_INSTANT, LATEST_INSTANT } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from './migration-runner';

/** What each ClickHouse time type can hold (ClickHouse documentation, "DateTime" and "DateTime64"). */
const TYPE_RANGES = {
  DateTime: { from: '1970-01-01T00:00:00Z', to: '2106-02-07T06:28:15Z' },
  DateTime64: { from: '1900-01-01T00:00:00Z', to: '2299-12-31T23:59:59.999Z' },
} as const;

/**
 * Deadlines are stored beside the instants they follow (`due_at` = `reported_at` + the SLA's limit, moved by pauses);
 * five years is far beyond any limit the policy allows, and still inside every column's type.
 */
const DERIVED_MARGIN_MS = 5 * 365 * 86_400_000;

/** Every time column the migrations declare: table, column, type. */
function timeColumns(): Array<{ file: string; column: string; type: keyof typeof TYPE_RANGES }> {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .flatMap((file) =>
      [...readFileSync(join(MIGRATIONS_DIR, file), 'utf8').matchAll(/^\s*(?:ADD COLUMN IF NOT EXISTS\s+|\()?\s*(\w+)\s+(?:Nullable\()?(?:SimpleAggregateFunction\(\w+,\s*)?(DateTime64|DateTime)\b/gm)].map(
        ([, column = '', type]) => ({ file, column, type: type as keyof typeof TYPE_RANGES }),
      ),
    );
}

describe('the timestamp window against the ClickHouse columns that store it', () => {
  const columns = timeColumns();

  it('finds the time columns of every migration (the scan itself works)', () => {
    expect(columns.map(({ column }) => column)).toEqual(
      expect.arrayContaining(['reported_at', 'accepted_at', 'stored_at', 'minute', 'last_reported_at', 'due_at', 'at', 'changed_at', 'opened_at']),
    );
  });

  it(`states the window every request is held to: ${EARLIEST_INSTANT} … ${LATEST_INSTANT}`, () => {
    expect([EARLIEST_INSTANT, LATEST_INSTANT]).toEqual(['2000-01-01T00:00:00.000Z', '2100-12-31T23:59:59.999Z']);
  });

  it.each(Object.keys(TYPE_RANGES) as Array<keyof typeof TYPE_RANGES>)('fits %s, with room for the deadlines derived from it', (type) => {
    const range = TYPE_RANGES[type];
    expect(Date.parse(EARLIEST_INSTANT)).toBeGreaterThanOrEqual(Date.parse(range.from));
    expect(Date.parse(LATEST_INSTANT) + DERIVED_MARGIN_MS).toBeLessThanOrEqual(Date.parse(range.to));
  });

  it('keeps 32-bit DateTime to the per-minute view, whose minute is rounded from a bounded reported_at', () => {
    expect(columns.filter(({ type }) => type === 'DateTime').map(({ file, column }) => `${file} ${column}`)).toEqual(['002_reports_per_minute.sql minute']);
  });
});
