-- Every version of every ticket, kept: `tickets` is a ReplacingMergeTree whose merges drop the superseded
-- versions, so it cannot say how a ticket stood at an earlier moment. A replay of the KPIs at an instant reads
-- each ticket's highest version whose `last_event_at` is not after it. A version written twice by a retry has
-- the same key and collapses; distinct versions never do.
CREATE TABLE IF NOT EXISTS grid_command.ticket_versions AS grid_command.tickets
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(reported_at)
ORDER BY (grid_code, id, version)
SETTINGS non_replicated_deduplication_window = 100000;

CREATE MATERIALIZED VIEW IF NOT EXISTS grid_command.ticket_versions_mv TO grid_command.ticket_versions AS
SELECT * FROM grid_command.tickets;

-- Tickets stored before this migration keep only the version they have now: their earlier history is gone.
INSERT INTO grid_command.ticket_versions SELECT * FROM grid_command.tickets FINAL;
