import type { ReferenceFeature, ReferenceFile } from '@grid-command/contracts';

function square(lon: number, lat: number, size: number): { type: 'Polygon'; coordinates: [number, number][][] } {
  return {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
  };
}

/**
 * A reference file small enough to reason about in a test: district 450103 with `streets` streets of
 * `communities` communities of `grids` square grids each, laid out on a 0.01° lattice.
 */
export function tinyDistrict(streets = 2, communities = 3, grids = 4): ReferenceFile {
  const features: ReferenceFeature[] = [
    { type: 'Feature', properties: { level: 'district', code: '450103', name: '青秀区' }, geometry: square(108.3, 22.8, 1) },
  ];
  for (let s = 1; s <= streets; s += 1) {
    const street = `450103${String(s).padStart(3, '0')}`;
    features.push({ type: 'Feature', properties: { level: 'street', code: street, name: `街道${s}` }, geometry: square(108.3, 22.8, 1) });
    for (let c = 1; c <= communities; c += 1) {
      const community = `${street}${String(c).padStart(3, '0')}`;
      features.push({ type: 'Feature', properties: { level: 'community', code: community, name: `社区${s}-${c}` }, geometry: square(108.3, 22.8, 1) });
      for (let g = 1; g <= grids; g += 1) {
        features.push({
          type: 'Feature',
          properties: { level: 'grid', code: `${community}${String(g).padStart(3, '0')}`, name: `网格${s}-${c}-${g}`, workers: 3 },
          geometry: square(108.3 + 0.01 * g, 22.8 + 0.01 * (c + communities * s), 0.01),
        });
      }
    }
  }
  return { type: 'FeatureCollection', gridCommand: { formatVersion: 1, city: '南宁市' }, features };
}
