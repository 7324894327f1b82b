/** Fixtures of the contracts' shapes, for specs only (lint keeps them out of production code). */
export * from './alert.fixture';
export * from './kpi-response.fixture';
export * from './snapshot.fixture';
export * from './ticket-snapshot.fixture';
