import type { AreaGeometry } from '@grid-command/contracts';
import type { Random } from './prng';

/** [lon, lat] positions, GeoJSON order. */
export type Position = readonly [number, number];
export type Ring = readonly Position[];

function signedArea(ring: Ring): number {
  let twice = 0;
  ring.forEach(([x1, y1], index) => {
    const [x2, y2] = ring[(index + 1) % ring.length] ?? ring[0] ?? [0, 0];
    twice += x1 * y2 - x2 * y1;
  });
  return twice / 2;
}

/** The outer ring of the largest part: reports fall where most of the grid is. Holes are ignored; grids have none. */
export function outerRingOf(geometry: AreaGeometry): Ring {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons.map((polygon) => polygon[0] ?? []);
  const largest = rings.reduce((best, ring) => (Math.abs(signedArea(ring)) > Math.abs(signedArea(best)) ? ring : best));
  return largest.map(([lon, lat]) => [lon, lat] as const);
}

export function centroidOf(ring: Ring): Position {
  const area = signedArea(ring);
  if (area === 0) {
    const sum = ring.reduce<[number, number]>((acc, [x, y]) => [acc[0] + x, acc[1] + y], [0, 0]);
    return [sum[0] / ring.length, sum[1] / ring.length];
  }
  let x = 0;
  let y = 0;
  ring.forEach(([x1, y1], index) => {
    const [x2, y2] = ring[(index + 1) % ring.length] ?? ring[0] ?? [0, 0];
    const cross = x1 * y2 - x2 * y1;
    x += (x1 + x2) * cross;
    y += (y1 + y2) * cross;
  });
  return [x / (6 * area), y / (6 * area)];
}

/** Even–odd ray casting: works for concave rings too. */
export function containsPoint(ring: Ring, [px, py]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const SAMPLE_TRIES = 16;

/**
 * A point uniformly inside the ring (rejection sampling in its bounding box). After a bounded number of
 * misses, which only a very thin sliver causes, it falls back to the centroid rather than loop.
 */
export function pointInside(ring: Ring, centroid: Position, random: Random): Position {
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  for (let attempt = 0; attempt < SAMPLE_TRIES; attempt += 1) {
    const candidate: Position = [minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat)];
    if (containsPoint(ring, candidate)) return candidate;
  }
  return centroid;
}
