import type { Capability } from '../capability';
import { KpisModule } from './kpis.module';

/** Governance KPIs over REST. */
export const KPIS: Capability = { api: KpisModule };
