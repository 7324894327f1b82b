export * from './lib/server-process';
