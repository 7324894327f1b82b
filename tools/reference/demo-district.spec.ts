import { validateReferenceFile } from '@grid-command/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_DISTRICT, generateDemoDistrict } from './demo-district';
import { area, containsPoint, type Point, type Polygon } from './planar';

const district = generateDemoDistrict();
const byLevel = (level: string) => district.features.filter((feature) => feature.properties.level === level);
const ring = (code: string): Polygon => {
  const feature = district.features.find((candidate) => candidate.properties.code === code);
  if (feature?.geometry.type !== 'Polygon') throw new Error(`no polygon for ${code}`);
  return (feature.geometry.coordinates[0] ?? []).slice(0, -1) as Point[];
};
const centre = (polygon: Polygon): Point => [
  polygon.reduce((sum, point) => sum + point[0], 0) / polygon.length,
  polygon.reduce((sum, point) => sum + point[1], 0) / polygon.length,
];

describe('the generated demo district', () => {
  it('is the same every time', () => {
    expect(JSON.stringify(generateDemoDistrict())).toBe(JSON.stringify(district));
  });

  it('has the size the brief describes and passes the reference validation', () => {
    expect(byLevel('district')).toHaveLength(1);
    expect(byLevel('street')).toHaveLength(DEMO_DISTRICT.streets);
    expect(byLevel('community')).toHaveLength(DEMO_DISTRICT.communities);
    expect(byLevel('grid')).toHaveLength(DEMO_DISTRICT.grids);
    expect(() => validateReferenceFile(district, 'generated')).not.toThrow();
    expect(byLevel('grid').every((grid) => grid.properties.workers === 3 || grid.properties.workers === 4)).toBe(true);
  });

  it('nests: every cell lies inside its parent and the children tile it', () => {
    for (const level of ['street', 'community', 'grid'] as const) {
      const parentLength = { street: 6, community: 9, grid: 12 }[level];
      const children = byLevel(level);
      for (const child of children) {
        expect(containsPoint(ring(child.properties.code.slice(0, parentLength)), centre(ring(child.properties.code)))).toBe(true);
      }
      for (const parent of district.features.filter((feature) => feature.properties.code.length === parentLength)) {
        const childArea = children
          .filter((child) => child.properties.code.startsWith(parent.properties.code))
          .reduce((sum, child) => sum + area(ring(child.properties.code)), 0);
        expect(childArea / area(ring(parent.properties.code))).toBeCloseTo(1, 3);
      }
    }
  });
});
