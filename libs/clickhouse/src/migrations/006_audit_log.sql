-- The append-only audit log: who did what to what, when, from where, and whether it went through. Nothing in the
-- product updates or deletes a row. Entries come from a Redis outbox; a relay round repeated after a crash writes
-- the same (at, id) again, which the ReplacingMergeTree collapses (reads use FINAL), so an entry is one row.
-- actor_kind is '' for an anonymous caller (a failed login); detail is a JSON object of a few facts.
CREATE TABLE IF NOT EXISTS grid_command.audit_log
(
    at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    id UUID,
    action LowCardinality(String),
    actor_kind LowCardinality(String),
    actor_id String,
    actor_name String,
    target Nullable(String),
    outcome LowCardinality(String),
    source_ip Nullable(String),
    detail String CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, id)
SETTINGS non_replicated_deduplication_window = 100000;
