-- Each report is a ticket. The worker computes both deadlines from the SLA policy and working calendar when it
-- stores the report; rows stored before this migration get plain-clock defaults.
ALTER TABLE grid_command.reports
    ADD COLUMN IF NOT EXISTS dispatch_due_at DateTime64(3, 'UTC') DEFAULT reported_at + toIntervalMinute(30) CODEC(Delta, ZSTD(1)),
    ADD COLUMN IF NOT EXISTS due_at DateTime64(3, 'UTC') DEFAULT reported_at + toIntervalDay(5) CODEC(Delta, ZSTD(1));

-- Every version of every ticket: version 0 comes from the report, version n from its n-th event. The highest
-- version wins (read with FINAL), so a version written twice by a retry or a replayed outbox is counted once.
-- grid_code leads the key because every KPI query is a scope, i.e. a grid-code prefix.
CREATE TABLE IF NOT EXISTS grid_command.tickets
(
    id UUID,
    grid_code LowCardinality(String),
    category LowCardinality(String),
    severity UInt8,
    reported_at DateTime64(3, 'UTC'),
    version UInt32,
    state LowCardinality(String),
    state_before_suspension LowCardinality(String) DEFAULT '',
    department String DEFAULT '',
    dispatch_due_at DateTime64(3, 'UTC'),
    due_at Nullable(DateTime64(3, 'UTC')),
    paused_remaining_minutes Nullable(Float64),
    first_dispatched_at Nullable(DateTime64(3, 'UTC')),
    resolved_at Nullable(DateTime64(3, 'UTC')),
    resolved_on_time Nullable(Bool),
    verified_at Nullable(DateTime64(3, 'UTC')),
    satisfaction LowCardinality(String) DEFAULT '',
    reopen_count UInt16 DEFAULT 0,
    suspended_minutes Float64 DEFAULT 0,
    last_event_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(reported_at)
ORDER BY (grid_code, id)
SETTINGS non_replicated_deduplication_window = 100000;

CREATE MATERIALIZED VIEW IF NOT EXISTS grid_command.tickets_from_reports_mv TO grid_command.tickets AS
SELECT
    id,
    grid_code,
    category,
    severity,
    reported_at,
    toUInt32(0) AS version,
    'reported' AS state,
    dispatch_due_at,
    due_at,
    reported_at AS last_event_at
FROM grid_command.reports;

-- Reports stored before tickets existed become tickets too.
INSERT INTO grid_command.tickets (id, grid_code, category, severity, reported_at, version, state, dispatch_due_at, due_at, last_event_at)
SELECT id, grid_code, category, severity, reported_at, 0, 'reported', dispatch_due_at, due_at, reported_at
FROM grid_command.reports;

-- The history of every ticket, one row per event; a replayed event has the same (ticket_id, seq) and collapses.
CREATE TABLE IF NOT EXISTS grid_command.ticket_events
(
    id UUID,
    ticket_id UUID,
    seq UInt32,
    type LowCardinality(String),
    at DateTime64(3, 'UTC'),
    actor String,
    department String DEFAULT '',
    satisfaction LowCardinality(String) DEFAULT '',
    note String DEFAULT '' CODEC(ZSTD(3)),
    state_before LowCardinality(String),
    state_after LowCardinality(String),
    grid_code LowCardinality(String),
    stored_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (ticket_id, seq)
SETTINGS non_replicated_deduplication_window = 100000;
