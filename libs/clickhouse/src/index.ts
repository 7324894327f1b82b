export * from './lib/clickhouse-client.factory';
export * from './lib/insert-settings';
export * from './lib/migration-runner';
export * from './lib/report-store.repository';
export * from './lib/scope-metrics.repository';
export * from './lib/sql-time';
export * from './lib/ticket-store.repository';
export * from './lib/workflow-kpis.repository';
