import type { Capability } from '../capability';
import { HealthModule } from './health.module';

/** Liveness, readiness and the process's Prometheus metrics (`GET /metrics`), in every process whatever its roles. */
export const HEALTH: Capability = { api: HealthModule, worker: HealthModule, live: HealthModule };
