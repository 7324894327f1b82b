import type { ClickHouseSettings } from '@clickhouse/client';

/**
 * Settings every insert states explicitly. Embedded ClickHouse keeps per-query settings for the rest of the
 * session, so an insert that relied on defaults could inherit another batch's token and be dropped as its
 * duplicate. Async inserts are off because they would skip token deduplication.
 */
export function insertSettings(deduplicationToken: string): ClickHouseSettings {
  return {
    async_insert: 0,
    insert_deduplicate: 1,
    insert_deduplication_token: deduplicationToken,
    deduplicate_blocks_in_dependent_materialized_views: 1,
  };
}
