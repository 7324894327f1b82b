export * from './connected-screens';
export * from './pipeline-backlog';
export * from './pipeline-rates';
export * from './wall-fleet';
