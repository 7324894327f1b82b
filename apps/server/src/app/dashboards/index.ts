import type { Capability } from '../capability';
import { DashboardsModule } from './dashboards.module';

/** The walls' layout files over REST. */
export const DASHBOARDS: Capability = { api: DashboardsModule };
