import type { Capability } from '../capability';
import { OperationsModule } from './operations.module';

/**
 * The operators' view of the pipeline. The figures it reads are written elsewhere: ingest counts accepted and stored
 * reports, live registers its screens, both through @grid-command/queue.
 */
export const OPERATIONS: Capability = { api: OperationsModule };
