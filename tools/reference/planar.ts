/** Small planar geometry for the synthetic district: convex polygons and Voronoi cells by half-plane clipping. */
export type Point = readonly [number, number];
export type Polygon = Point[];

/** Keeps the part of a convex polygon where (p - origin)·normal <= 0 (Sutherland–Hodgman). */
function clipHalfPlane(polygon: Polygon, origin: Point, normal: Point): Polygon {
  const side = (p: Point): number => (p[0] - origin[0]) * normal[0] + (p[1] - origin[1]) * normal[1];
  const result: Polygon = [];
  polygon.forEach((current, index) => {
    const next = polygon[(index + 1) % polygon.length] as Point;
    const a = side(current);
    const b = side(next);
    if (a <= 0) result.push(current);
    if ((a < 0 && b > 0) || (a > 0 && b < 0)) {
      const t = a / (a - b);
      result.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  });
  return result;
}

export function voronoiCells(region: Polygon, seeds: readonly Point[]): Polygon[] {
  return seeds.map((seed, i) =>
    seeds.reduce<Polygon>((cell, other, j) => {
      if (i === j) return cell;
      const middle: Point = [(seed[0] + other[0]) / 2, (seed[1] + other[1]) / 2];
      return clipHalfPlane(cell, middle, [other[0] - seed[0], other[1] - seed[1]]);
    }, region),
  );
}

export function area(polygon: Polygon): number {
  let twice = 0;
  polygon.forEach((p, index) => {
    const q = polygon[(index + 1) % polygon.length] as Point;
    twice += p[0] * q[1] - q[0] * p[1];
  });
  return twice / 2;
}

export function centroid(polygon: Polygon): Point {
  const a = area(polygon);
  let x = 0;
  let y = 0;
  polygon.forEach((p, index) => {
    const q = polygon[(index + 1) % polygon.length] as Point;
    const cross = p[0] * q[1] - q[0] * p[1];
    x += (p[0] + q[0]) * cross;
    y += (p[1] + q[1]) * cross;
  });
  return [x / (6 * a), y / (6 * a)];
}

export function containsPoint(convex: Polygon, point: Point): boolean {
  return convex.every((p, index) => {
    const q = convex[(index + 1) % convex.length] as Point;
    return (q[0] - p[0]) * (point[1] - p[1]) - (q[1] - p[1]) * (point[0] - p[0]) >= 0;
  });
}

export function convexHull(points: readonly Point[]): Polygon {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const build = (input: readonly Point[]): Point[] => {
    const hull: Point[] = [];
    for (const p of input) {
      while (hull.length >= 2 && cross(hull[hull.length - 2] as Point, hull[hull.length - 1] as Point, p) <= 0) hull.pop();
      hull.push(p);
    }
    return hull;
  };
  const lower = build(sorted);
  const upper = build([...sorted].reverse());
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Seeds spread over a convex region: random points, then a few Lloyd steps so cells look like city blocks. */
export function spreadSeeds(region: Polygon, count: number, random: () => number, lloydSteps = 3): Point[] {
  const xs = region.map((p) => p[0]);
  const ys = region.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let seeds: Point[] = [];
  while (seeds.length < count) {
    const candidate: Point = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
    if (containsPoint(region, candidate)) seeds.push(candidate);
  }
  for (let step = 0; step < lloydSteps; step += 1) seeds = voronoiCells(region, seeds).map(centroid);
  return seeds;
}
