-- Every accepted report, once. The deduplication window lets a retried batch (same insert token) be
-- dropped instead of stored twice; it must cover the batches written while a failed one waits to retry.
CREATE TABLE IF NOT EXISTS grid_command.reports
(
    id UUID,
    grid_code LowCardinality(String),
    category LowCardinality(String),
    severity UInt8,
    source LowCardinality(String),
    reported_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    accepted_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    stored_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta, ZSTD(1)),
    batch_id UUID,
    reporter_id String DEFAULT '',
    lat Nullable(Float64),
    lon Nullable(Float64),
    description String DEFAULT '' CODEC(ZSTD(3))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(reported_at)
ORDER BY (grid_code, reported_at, id)
SETTINGS non_replicated_deduplication_window = 100000;
