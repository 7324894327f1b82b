export * from './lib/api-credentials';
export * from './lib/server-process';
