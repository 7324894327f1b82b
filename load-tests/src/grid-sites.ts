import type { ReferenceFile } from '@grid-command/contracts';

/** A grid code and one point inside it: enough for load, which needs valid codes spread over the district, not realism. */
export interface GridSite {
  readonly code: string;
  readonly lat: number;
  readonly lon: number;
}

/**
 * One site per grid, at the average of its outer ring's vertices (inside the convex cells of the
 * reference; the closing vertex repeats the first and is left out).
 */
export function gridSitesOf(file: ReferenceFile): GridSite[] {
  return file.features
    .filter((feature) => feature.properties.level === 'grid')
    .map((feature) => {
      const polygon = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : (feature.geometry.coordinates[0] ?? []);
      const ring = (polygon[0] ?? []).slice(0, -1);
      const lon = ring.reduce((sum, [x]) => sum + x, 0) / Math.max(1, ring.length);
      const lat = ring.reduce((sum, [, y]) => sum + y, 0) / Math.max(1, ring.length);
      return { code: feature.properties.code, lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
    });
}

/** The scopes a wall can show: the district, its streets and communities (grids are drill-downs, not walls). */
export function wallScopesOf(file: ReferenceFile): string[] {
  return file.features.filter((feature) => feature.properties.level !== 'grid').map((feature) => `${feature.properties.level}:${feature.properties.code}`);
}
