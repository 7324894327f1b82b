import { validateReferenceFile } from '@grid-command/domain';
import { describe, expect, it } from '@jest/globals';
import { COMMUNITY_POPULATION, DEMO_DISTRICT, generateDemoDistrict } from './demo-district';
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

describe('populations', () => {
  const population = (code: string): number => {
    const value = district.features.find((feature) => feature.properties.code === code)?.properties.population;
    if (value === undefined) throw new Error(`no population for ${code}`);
    return value;
  };

  it('gives every community a registered population in the brief range, varied rather than uniform', () => {
    const communities = byLevel('community').map((feature) => population(feature.properties.code));
    expect(communities.every((value) => value >= COMMUNITY_POPULATION.min && value <= COMMUNITY_POPULATION.max)).toBe(true);
    expect(Math.max(...communities) - Math.min(...communities)).toBeGreaterThan(6_000);
    expect(new Set(communities).size).toBeGreaterThan(byLevel('community').length / 2);
  });

  it('makes each street and the district the sum of their children', () => {
    for (const parent of [...byLevel('street'), ...byLevel('district')]) {
      const childLength = parent.properties.code.length + 3;
      const children = district.features.filter(
        (feature) => feature.properties.code.length === childLength && feature.properties.code.startsWith(parent.properties.code),
      );
      expect(population(parent.properties.code)).toBe(children.reduce((sum, child) => sum + population(child.properties.code), 0));
    }
  });

  it('leaves grids without a population (registers stop at the community)', () => {
    expect(byLevel('grid').some((grid) => grid.properties.population !== undefined)).toBe(false);
  });
});
