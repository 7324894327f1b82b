export * from './lib/grid-code';
export * from './lib/kpi';
export * from './lib/reference';
export * from './lib/report-validation';
export * from './lib/scope';
export * from './lib/seeded-random';
export * from './lib/snapshot-builder';
export * from './lib/time';
