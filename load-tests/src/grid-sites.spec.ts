import type { ReferenceFile } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { gridSitesOf, wallScopesOf } from './grid-sites';

const square = (lon: number, lat: number): { type: 'Polygon'; coordinates: [number, number][][] } => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]],
});

const file: ReferenceFile = {
  type: 'FeatureCollection',
  gridCommand: { formatVersion: 1, city: '南宁市' },
  features: [
    { type: 'Feature', properties: { level: 'district', code: '450103', name: '青秀区' }, geometry: square(108.3, 22.8) },
    { type: 'Feature', properties: { level: 'street', code: '450103001', name: '新竹街道' }, geometry: square(108.3, 22.8) },
    { type: 'Feature', properties: { level: 'community', code: '450103001001', name: '桃源社区' }, geometry: square(108.3, 22.8) },
    { type: 'Feature', properties: { level: 'grid', code: '450103001001001', name: '第1网格', workers: 3 }, geometry: square(108.3, 22.8) },
  ],
};

describe('grid sites', () => {
  it('gives each grid the centre of its cell, the closing vertex not counted twice', () => {
    expect(gridSitesOf(file)).toEqual([{ code: '450103001001001', lon: 108.305, lat: 22.805 }]);
  });

  it('lists the scopes a wall can show, grids excluded', () => {
    expect(wallScopesOf(file)).toEqual(['district:450103', 'street:450103001', 'community:450103001001']);
  });
});
