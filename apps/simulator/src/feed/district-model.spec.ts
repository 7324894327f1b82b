import { describe, expect, it } from '@jest/globals';
import { DistrictModel } from './district-model';
import { createRandom } from './prng';
import { tinyDistrict } from './testing/tiny-district';

function firstPicks(model: DistrictModel): string[] {
  const random = createRandom(4);
  return Array.from({ length: 50 }, () => model.gridTable.pick(random).code);
}

describe('DistrictModel', () => {
  const file = tinyDistrict(3, 10, 8);
  const gridCodes = file.features.filter((feature) => feature.properties.level === 'grid').map((feature) => feature.properties.code);

  it('reports only from the grids of the reference', () => {
    const model = new DistrictModel(file, createRandom(1));
    expect(model.grids.map((grid) => grid.code)).toEqual(gridCodes);
    const random = createRandom(2);
    for (let i = 0; i < 500; i += 1) expect(gridCodes).toContain(model.gridTable.pick(random).code);
  });

  it('makes some communities much busier than others, the same way for the same seed', () => {
    const counts = new Map<string, number>();
    const model = new DistrictModel(file, createRandom(1));
    const random = createRandom(3);
    const draws = 30_000;
    for (let i = 0; i < draws; i += 1) {
      const community = model.gridTable.pick(random).communityCode;
      counts.set(community, (counts.get(community) ?? 0) + 1);
    }
    const shares = [...counts.values()].map((count) => count / draws).sort((a, b) => b - a);
    // 30 communities: an even spread would give the top three 10%.
    expect((shares[0] ?? 0) + (shares[1] ?? 0) + (shares[2] ?? 0)).toBeGreaterThan(0.2);

    expect(firstPicks(new DistrictModel(file, createRandom(1)))).toEqual(firstPicks(model));
    expect(firstPicks(new DistrictModel(file, createRandom(2)))).not.toEqual(firstPicks(model));
  });

  it('picks grids within one community for a local burst', () => {
    const model = new DistrictModel(file, createRandom(1));
    const random = createRandom(5);
    for (let i = 0; i < 100; i += 1) expect(model.gridsIn('450103002004').pick(random).communityCode).toBe('450103002004');
    expect(() => model.gridsIn('450103099001')).toThrow('has no grid');
  });

  it('refuses a reference without grids', () => {
    const empty = { ...file, features: file.features.filter((feature) => feature.properties.level !== 'grid') };
    expect(() => new DistrictModel(empty, createRandom(1))).toThrow('no grid');
  });
});
