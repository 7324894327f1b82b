export * from './connected-screens';
export * from './pipeline-backlog';
export * from './pipeline-rates';
