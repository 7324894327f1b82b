-- Reports per grid, category and minute: what every snapshot reads. Time first in the key because every
-- snapshot query is bounded to today or the last hour; the scope is a grid-code prefix.
CREATE TABLE IF NOT EXISTS grid_command.reports_per_minute
(
    minute DateTime('UTC'),
    grid_code LowCardinality(String),
    category LowCardinality(String),
    reports SimpleAggregateFunction(sum, UInt64),
    last_reported_at SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, grid_code, category)
SETTINGS non_replicated_deduplication_window = 100000;

CREATE MATERIALIZED VIEW IF NOT EXISTS grid_command.reports_per_minute_mv TO grid_command.reports_per_minute AS
SELECT
    toStartOfMinute(reported_at) AS minute,
    grid_code,
    category,
    count() AS reports,
    max(reported_at) AS last_reported_at
FROM grid_command.reports
GROUP BY minute, grid_code, category;
