import type { AreaGeometry } from '@grid-command/contracts';

/** `[[west, north], [east, south]]`, the shape ECharts takes as `boundingCoords`. */
export type GeoBounds = [[number, number], [number, number]];

/** The box around every ring of every geometry; null for none. */
export function geoBounds(geometries: readonly AreaGeometry[]): GeoBounds | null {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          west = Math.min(west, lon);
          east = Math.max(east, lon);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
      }
    }
  }
  return Number.isFinite(west) ? [[west, north], [east, south]] : null;
}

/**
 * Horizontal squeeze that makes a degree of longitude as long as a degree of latitude at the map's middle
 * latitude, so a district at 22.8°N is not drawn with ECharts' default squeeze meant for northern China.
 */
export function aspectScaleAt(bounds: GeoBounds): number {
  const middleLatitude = (bounds[0][1] + bounds[1][1]) / 2;
  return Math.cos((middleLatitude * Math.PI) / 180);
}
