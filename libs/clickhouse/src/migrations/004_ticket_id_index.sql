-- Events look a ticket up by id alone, which the (grid_code, id) key cannot serve: a bloom filter lets each
-- lookup skip the granules that cannot hold the id instead of reading the whole table.
ALTER TABLE grid_command.tickets ADD INDEX IF NOT EXISTS id_bloom id TYPE bloom_filter(0.001) GRANULARITY 1;

ALTER TABLE grid_command.tickets MATERIALIZE INDEX id_bloom;
