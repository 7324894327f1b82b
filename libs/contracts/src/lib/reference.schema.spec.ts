import { describe, expect, it } from '@jest/globals';
import { referenceFileSchema } from './reference.schema';

const closedRing = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

function file(geometry: unknown, properties: unknown = { level: 'district', code: '450103', name: '青秀区' }) {
  return {
    type: 'FeatureCollection',
    gridCommand: { formatVersion: 1, city: '南宁市' },
    features: [{ type: 'Feature', id: 'district:450103', properties, geometry }],
  };
}

describe('referenceFileSchema', () => {
  it('accepts a closed polygon and a closed multipolygon', () => {
    expect(referenceFileSchema.safeParse(file({ type: 'Polygon', coordinates: [closedRing] })).success).toBe(true);
    expect(referenceFileSchema.safeParse(file({ type: 'MultiPolygon', coordinates: [[closedRing], [closedRing]] })).success).toBe(true);
  });

  it('rejects a ring that does not end where it starts, at the ring path', () => {
    const open = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const result = referenceFileSchema.safeParse(file({ type: 'Polygon', coordinates: [open] }));
    expect(result.error?.issues).toMatchObject([
      { path: ['features', 0, 'geometry', 'coordinates', 0], message: 'a linear ring must end where it starts' },
    ]);
  });

  it('rejects an open ring inside a multipolygon', () => {
    const open = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0.5]];
    const result = referenceFileSchema.safeParse(file({ type: 'MultiPolygon', coordinates: [[closedRing], [open]] }));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['features', 0, 'geometry', 'coordinates', 1, 0]]);
  });

  it('rejects a ring of fewer than 4 positions even when closed', () => {
    const result = referenceFileSchema.safeParse(file({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] }));
    expect(result.error?.issues[0]?.message).toBe('a linear ring needs at least 4 positions');
  });

  it('rejects positions outside lon/lat ranges', () => {
    const ring = [[0, 0], [181, 0], [1, 1], [0, 0]];
    expect(referenceFileSchema.safeParse(file({ type: 'Polygon', coordinates: [ring] })).success).toBe(false);
  });

  it.each(['45010', '4501030', '4501030010', 'abcdef'])('rejects code %j that is not 6, 9, 12 or 15 digits', (code) => {
    const result = referenceFileSchema.safeParse(file({ type: 'Polygon', coordinates: [closedRing] }, { level: 'district', code, name: 'x' }));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['features', 0, 'properties', 'code']]);
  });

  it('rejects unknown feature properties and a negative worker count', () => {
    const polygon = { type: 'Polygon', coordinates: [closedRing] };
    expect(referenceFileSchema.safeParse(file(polygon, { level: 'district', code: '450103', name: 'x', area: 3 })).success).toBe(false);
    expect(referenceFileSchema.safeParse(file(polygon, { level: 'grid', code: '450103001001001', name: 'x', workers: -1 })).success).toBe(false);
  });
});
