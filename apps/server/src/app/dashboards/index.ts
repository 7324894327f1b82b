import type { Capability } from '../capability';
import { DashboardsModule } from './dashboards.module';

export { DashboardCatalogModule } from './dashboard-catalog.module';
export { DashboardCatalog } from './dashboard-catalog.service';

/** The walls' layout files and playlists over REST. */
export const DASHBOARDS: Capability = { api: DashboardsModule };
