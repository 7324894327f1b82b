import type { Capability } from '../capability';
import { IngestWorkerModule } from './ingest-worker.module';
import { IngestModule } from './ingest.module';

/** Reports: accepted by the API, stored by the worker. */
export const INGEST: Capability = { api: IngestModule, worker: IngestWorkerModule };
export { IngestBackpressure, type BackpressureState } from './backpressure/ingest-backpressure.service';
