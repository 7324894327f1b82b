import type { Capability } from '../capability';
import { HealthModule } from './health.module';

/** Liveness and readiness, in every process whatever its roles. */
export const HEALTH: Capability = { api: HealthModule, worker: HealthModule, live: HealthModule };
