import { scopeDetailSchema, type ReferenceFile } from '@grid-command/contracts';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { demoDistrictJson, smallDistrict, square, tinyNeighbour } from '../testing/reference-fixtures';
import { ReferenceIndex, ReferenceValidationError, validateReferenceFile } from './reference';
import type { Scope } from './scope';

interface RawFeature {
  properties: { level: string; code: string; name: string; workers?: number };
  [key: string]: unknown;
}
interface RawFile {
  features: RawFeature[];
  [key: string]: unknown;
}

/** The problems validateReferenceFile names for `raw`; fails the test when it accepts it. */
function problemsOf(raw: unknown): readonly string[] {
  try {
    validateReferenceFile(raw, 'test.json');
  } catch (error) {
    if (error instanceof ReferenceValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the reference file to be rejected');
}

describe('validateReferenceFile on reference/demo-district.json', () => {
  let demo: RawFile;
  beforeAll(() => {
    demo = demoDistrictJson() as RawFile;
  });
  const copy = (): RawFile => structuredClone(demo);
  const byCode = (file: RawFile, code: string): RawFeature => {
    const found = file.features.find((feature) => feature.properties.code === code);
    if (!found) throw new Error(`demo district has no ${code}`);
    return found;
  };

  it('accepts the shipped file', () => {
    const file = validateReferenceFile(demo, 'demo-district.json');
    expect(file.features).toHaveLength(demo.features.length);
    expect(file.features.filter((feature) => feature.properties.level === 'district')).toHaveLength(1);
  });

  it('names a street that is missing under its communities', () => {
    const file = copy();
    file.features = file.features.filter((feature) => feature.properties.code !== '450103001');
    const problems = problemsOf(file);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.endsWith('its street 450103001 is missing'))).toBe(true);
  });

  it('names a duplicate code', () => {
    const file = copy();
    file.features.push(structuredClone(byCode(file, '450103001001001')));
    expect(problemsOf(file)).toEqual([expect.stringMatching(/\(grid 450103001001001\): duplicate code$/)]);
  });

  it('names a code whose length does not fit its level', () => {
    const file = copy();
    byCode(file, '450103001').properties.level = 'community';
    expect(problemsOf(file)).toContainEqual(expect.stringContaining('(community 450103001): a community code has 12 digits'));
  });

  it('names a grid without workers, and workers on a community', () => {
    const file = copy();
    delete byCode(file, '450103001001001').properties.workers;
    byCode(file, '450103001001').properties.workers = 3;
    expect(problemsOf(file)).toEqual([
      expect.stringContaining('(community 450103001001): only grids have properties.workers'),
      expect.stringContaining('(grid 450103001001001): a grid needs properties.workers'),
    ]);
  });

  it('names a second district', () => {
    const file = copy();
    const second = structuredClone(byCode(file, '450103'));
    second.properties.code = '450104';
    file.features.push(second);
    expect(problemsOf(file)).toContain('expected exactly one district feature, found 2');
  });

  it('names a file without a district', () => {
    const file = copy();
    file.features = file.features.filter((feature) => feature.properties.level !== 'district');
    expect(problemsOf(file)).toContain('expected exactly one district feature, found 0');
  });

  it('names a code outside the district', () => {
    const file = copy();
    byCode(file, '450103001001001').properties.code = '450104001001001';
    expect(problemsOf(file)).toContainEqual(expect.stringContaining('(grid 450104001001001): not inside district 450103'));
  });

  it('names shape problems by path, such as a ring that is not closed', () => {
    const file = copy();
    byCode(file, '450103001').geometry = { type: 'Polygon', coordinates: [[[108, 22], [109, 22], [109, 23], [108, 23]]] };
    const index = file.features.findIndex((feature) => feature.properties.code === '450103001');
    expect(problemsOf(file)).toEqual([`features[${index}].geometry.coordinates[0]: a linear ring must end where it starts`]);
  });

  it('puts the source name in the message', () => {
    expect(() => validateReferenceFile({ type: 'FeatureCollection' }, 'broken.json')).toThrow('reference data broken.json is invalid');
  });
});

describe('ReferenceIndex on a hand-made district of 2 streets, 3 communities, 5 grids', () => {
  const index = new ReferenceIndex([validateReferenceFile(smallDistrict(), 'small')]);
  const district: Scope = { level: 'district', code: '450103' };
  const codesOf = (rows: ReadonlyArray<{ code: string }>) => rows.map((row) => row.code);

  it('lists the district', () => {
    expect(index.districts()).toEqual([{ scope: 'district:450103', level: 'district', code: '450103', name: '测试区' }]);
  });

  it('details the district: no parent, streets in code order, every grid and worker', () => {
    const detail = index.detail(district);
    expect(detail?.parent).toBeNull();
    expect(detail && codesOf(detail.children)).toEqual(['450103001', '450103002']);
    expect(detail).toMatchObject({ gridCount: 5, gridWorkers: 15 });
    expect(() => scopeDetailSchema.parse(detail)).not.toThrow();
  });

  it.each([
    [{ level: 'street', code: '450103001' }, '450103', ['450103001001', '450103001002'], 3, 9],
    [{ level: 'street', code: '450103002' }, '450103', ['450103002001'], 2, 6],
    [{ level: 'community', code: '450103001001' }, '450103001', ['450103001001001', '450103001001002'], 2, 7],
    [{ level: 'community', code: '450103002001' }, '450103002', ['450103002001001', '450103002001002'], 2, 6],
    [{ level: 'grid', code: '450103002001001' }, '450103002001', [], 1, 5],
  ] as const)('details %o: parent %s, children %j, %i grids, %i workers', (scope, parent, children, grids, workers) => {
    const detail = index.detail(scope);
    expect(detail?.parent?.code).toBe(parent);
    expect(detail && codesOf(detail.children)).toEqual(children);
    expect(detail).toMatchObject({ gridCount: grids, gridWorkers: workers });
    expect(index.gridCount(scope)).toBe(grids);
  });

  it('knows grids, and only grids', () => {
    expect(index.hasGrid('450103001001002')).toBe(true);
    expect(index.hasGrid('450103001001')).toBe(false);
    expect(index.hasGrid('450103001001009')).toBe(false);
  });

  it('draws the children by default: the streets of a district', () => {
    const geometry = index.geometry(district);
    expect(geometry.type).toBe('FeatureCollection');
    expect(geometry.features).toEqual([
      { type: 'Feature', id: 'street:450103001', properties: { scope: 'street:450103001', code: '450103001', name: 'A 街道' }, geometry: square(1, 22) },
      { type: 'Feature', id: 'street:450103002', properties: { scope: 'street:450103002', code: '450103002', name: 'B 街道' }, geometry: square(2, 22) },
    ]);
  });

  it.each([
    [district, ['450103001001001', '450103001001002', '450103001002001', '450103002001001', '450103002001002']],
    [{ level: 'street', code: '450103001' }, ['450103001001001', '450103001001002', '450103001002001']],
    [{ level: 'community', code: '450103002001' }, ['450103002001001', '450103002001002']],
  ] as const)('draws the grids of %o with level grid', (scope, grids) => {
    expect(index.geometry(scope, 'grid').features.map((feature) => feature.properties.code)).toEqual(grids);
  });

  it('draws nothing below a grid, and nothing at a level above the scope', () => {
    expect(index.geometry({ level: 'grid', code: '450103001001001' }).features).toEqual([]);
    expect(index.geometry({ level: 'street', code: '450103001' }, 'district').features).toEqual([]);
  });

  it('answers undefined or empty for a scope it does not hold', () => {
    const unknown: Scope = { level: 'street', code: '450103009' };
    expect(index.find(unknown)).toBeUndefined();
    expect(index.detail(unknown)).toBeUndefined();
    expect(index.children(unknown)).toEqual([]);
    expect(index.gridCount(unknown)).toBe(0);
    expect(index.geometry(unknown).features).toEqual([]);
    expect(index.parseKnownScope('street:450103009')).toBeUndefined();
    expect(index.detail({ level: 'grid', code: '450103001' })).toBeUndefined();
  });

  it('names a place as officers say it: street · community · grid under the district, a district by its own name', () => {
    expect(index.placeName({ level: 'grid', code: '450103001002001' })).toBe('A 街道 · A2 社区 · A2 第1网格');
    expect(index.placeName({ level: 'community', code: '450103002001' })).toBe('B 街道 · B1 社区');
    expect(index.placeName({ level: 'street', code: '450103001' })).toBe('A 街道');
    expect(index.placeName(district)).toBe('测试区');
    expect(index.placeName({ level: 'grid', code: '450103001002009' })).toBeUndefined();
    expect(index.placeName({ level: 'grid', code: '450103001' })).toBeUndefined();
  });

  it('finds a known scope from its text form', () => {
    expect(index.parseKnownScope('community:450103001002')).toEqual({
      scope: 'community:450103001002',
      level: 'community',
      code: '450103001002',
      name: 'A2 社区',
    });
  });
});

describe('ReferenceIndex over several districts', () => {
  it('keeps each district and its counts apart', () => {
    const index = new ReferenceIndex([smallDistrict(), tinyNeighbour()]);
    expect(index.districts().map((row) => row.code)).toEqual(['450103', '450104']);
    expect(index.detail({ level: 'district', code: '450103' })).toMatchObject({ gridCount: 5, gridWorkers: 15 });
    expect(index.detail({ level: 'district', code: '450104' })).toMatchObject({ gridCount: 1, gridWorkers: 2 });
  });

  it('refuses a district loaded twice', () => {
    expect(() => new ReferenceIndex([smallDistrict(), smallDistrict()])).toThrow(ReferenceValidationError);
    expect(() => new ReferenceIndex([smallDistrict(), smallDistrict()])).toThrow('defined twice');
  });
});

describe('ReferenceIndex on the demo district', () => {
  it('counts every grid and worker of the file at the district, and the streets add up to it', () => {
    const file: ReferenceFile = validateReferenceFile(demoDistrictJson(), 'demo-district.json');
    const grids = file.features.filter((feature) => feature.properties.level === 'grid');
    const workers = grids.reduce((acc, grid) => acc + (grid.properties.workers ?? 0), 0);
    const index = new ReferenceIndex([file]);
    const district = index.detail({ level: 'district', code: '450103' });
    expect(district).toMatchObject({ gridCount: grids.length, gridWorkers: workers });
    const streets = district?.children ?? [];
    expect(streets.length).toBe(file.features.filter((feature) => feature.properties.level === 'street').length);
    const streetGrids = streets.reduce((acc, street) => acc + index.gridCount({ level: 'street', code: street.code }), 0);
    expect(streetGrids).toBe(grids.length);
    expect(index.geometry({ level: 'district', code: '450103' }, 'grid').features).toHaveLength(grids.length);
  });
});
