-- Every version of every alert, as it stood after each change (opened, acknowledged, escalated, closed...): the
-- duty log. Keyed by (alert_id, version), so an outbox entry written twice after a crash is one row after merges
-- and under FINAL. `alert` is the whole record in the contract's JSON form; the columns beside it are for queries.
CREATE TABLE IF NOT EXISTS grid_command.alert_history
(
    alert_id UUID,
    version UInt32,
    change LowCardinality(String),
    actor String,
    changed_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    rule_id LowCardinality(String),
    kind LowCardinality(String),
    severity LowCardinality(String),
    scope String,
    state LowCardinality(String),
    opened_at DateTime64(3, 'UTC'),
    alert String CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(opened_at)
ORDER BY (alert_id, version)
SETTINGS non_replicated_deduplication_window = 100000;

-- The console lists an alert's reports by id, which the (grid_code, reported_at, id) key cannot serve.
ALTER TABLE grid_command.reports ADD INDEX IF NOT EXISTS id_bloom id TYPE bloom_filter(0.001) GRANULARITY 1;

ALTER TABLE grid_command.reports MATERIALIZE INDEX id_bloom;
