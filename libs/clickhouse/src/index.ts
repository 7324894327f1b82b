export * from './lib/clickhouse-client.factory';
export * from './lib/insert-settings';
export * from './lib/migration-runner';
export * from './lib/report-store.repository';
export * from './lib/scope-metrics.repository';
export * from './lib/sql-time';
