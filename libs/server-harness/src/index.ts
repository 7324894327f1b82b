export * from './lib/api-credentials';
export * from './lib/server-process';
export * from './lib/embedded-redis-process';
