/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReferenceFeature, ReferenceFile, ScopeLevel } from '@grid-command/contracts';

/** A closed unit square at (lon, lat), so every feature has a geometry of its own. */
export function square(lon: number, lat: number): ReferenceFeature['geometry'] {
  return {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1], [lon, lat]]],
  };
}

function feature(level: ScopeLevel, code: string, name: string, lon: number, workers?: number): ReferenceFeature {
  return {
    type: 'Feature',
    id: `${level}:${code}`,
    properties: workers === undefined ? { level, code, name } : { level, code, name, workers },
    geometry: square(lon, 22),
  };
}

/**
 * District 450103: 2 streets, 3 communities, 5 grids, 15 grid workers.
 *
 *   street 001 ── community 001 ── grids 001 (3 workers), 002 (4)
 *              └─ community 002 ── grid 001 (2)
 *   street 002 ── community 001 ── grids 001 (5), 002 (1)
 *
 * Features are listed out of order on purpose, so sorted children are the index's doing.
 */
export function smallDistrict(): ReferenceFile {
  return {
    type: 'FeatureCollection',
    gridCommand: { formatVersion: 1, city: '测试市' },
    features: [
      feature('grid', '450103002001002', 'B1 第2网格', 10, 1),
      feature('street', '450103002', 'B 街道', 2),
      feature('grid', '450103001001002', 'A1 第2网格', 6, 4),
      feature('community', '450103001002', 'A2 社区', 4),
      feature('district', '450103', '测试区', 0),
      feature('grid', '450103001001001', 'A1 第1网格', 5, 3),
      feature('community', '450103002001', 'B1 社区', 8),
      feature('street', '450103001', 'A 街道', 1),
      feature('grid', '450103002001001', 'B1 第1网格', 9, 5),
      feature('community', '450103001001', 'A1 社区', 3),
      feature('grid', '450103001002001', 'A2 第1网格', 7, 2),
    ],
  };
}

/** District 450104 with one street, one community and one grid of 2 workers. */
export function tinyNeighbour(): ReferenceFile {
  return {
    type: 'FeatureCollection',
    gridCommand: { formatVersion: 1, city: '测试市' },
    features: [
      feature('district', '450104', '邻区', 20),
      feature('street', '450104001', '邻区 街道', 21),
      feature('community', '450104001001', '邻区 社区', 22),
      feature('grid', '450104001001001', '邻区 第1网格', 23, 2),
    ],
  };
}

/** The generated demo district shipped in `reference/`, parsed but not validated. */
export function demoDistrictJson(): unknown {
  const workspaceRoot = resolve(__dirname, '../../../..');
  return JSON.parse(readFileSync(resolve(workspaceRoot, 'reference/demo-district.json'), 'utf8')) as unknown;
}
