import type { Capability } from '../capability';
import { DashboardsModule } from './dashboards.module';

/** The walls' layout files and playlists over REST. */
export const DASHBOARDS: Capability = { api: DashboardsModule };
