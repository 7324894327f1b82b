import type { Capability } from '../capability';
import { KpisModule } from './kpis.module';

export { KpiComputationModule } from './kpi-computation.module';
export { KpiService } from './kpi.service';

/** Governance KPIs over REST; live push computes the same figures through KpiComputationModule. */
export const KPIS: Capability = { api: KpisModule };
