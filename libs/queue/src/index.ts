export * from './lib/embedded-redis';
export * from './lib/queue-definitions';
export * from './lib/redis-connection';
export * from './lib/report-ledger';
export * from './lib/report-intake';
export * from './lib/reports-stored-events';
export * from './lib/ticket-event-intake';
export * from './lib/ticket-record-store';
