import { REFERENCE_FORMAT_VERSION, type ReferenceFeature, type ReferenceFile } from '@grid-command/contracts';
import { childCode, createSeededRandom } from '@grid-command/domain';
import { convexHull, spreadSeeds, voronoiCells, type Point, type Polygon } from './planar';

export interface DemoDistrictOptions {
  readonly seed: number;
  readonly districtCode: string;
  readonly districtName: string;
  readonly city: string;
  /** Centre of the district, degrees. */
  readonly centre: { lon: number; lat: number };
  /** Half-extent of the outline, km. */
  readonly radiusKm: number;
  readonly streets: number;
  readonly communities: number;
  readonly grids: number;
}

export const DEMO_DISTRICT: DemoDistrictOptions = {
  seed: 450103,
  districtCode: '450103',
  districtName: '青秀区',
  city: '南宁市',
  centre: { lon: 108.383, lat: 22.812 },
  radiusKm: 7,
  streets: 10,
  communities: 80,
  grids: 800,
};

const STREET_NAMES = ['新竹', '中山', '建政', '南湖', '津头', '仙葫', '长塘', '刘圩', '伶俐', '南阳', '凤岭', '青山', '东盟', '金湖', '民族'];
const COMMUNITY_STEMS = [
  '桃源', '滨湖', '古城', '七星', '竹溪', '茶花', '葛村', '民主', '金浦', '东葛', '凤翔', '长湖', '柳沙', '悦桂', '荔园',
  '青湖', '锦春', '望州', '埌东', '金源', '越秀', '云景', '麻村', '双拥', '仙湖', '桂雅', '琼林', '华侨', '盘龙', '长堽',
];

/** Splits `total` into `parts` positive integers that vary by about ±30 % and add up exactly. */
function apportion(total: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.7 + random() * 0.6);
  const scale = total / weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => Math.max(1, Math.floor(weight * scale)));
  for (let index = 0; counts.reduce((a, b) => a + b, 0) < total; index = (index + 1) % parts) counts[index] = (counts[index] ?? 0) + 1;
  return counts;
}

/** Registered residents of an urban community: 3,000–15,000, most of them under 8,000, rounded to tens as registers are quoted. */
export const COMMUNITY_POPULATION = { min: 3_000, max: 15_000 } as const;
function communityPopulation(random: () => number): number {
  const { min, max } = COMMUNITY_POPULATION;
  return Math.round((min + (max - min) * random() ** 1.8) / 10) * 10;
}

/** A deterministic synthetic district whose streets, communities and grids nest exactly (Voronoi inside Voronoi). */
export function generateDemoDistrict(options: DemoDistrictOptions = DEMO_DISTRICT): ReferenceFile {
  const random = createSeededRandom(options.seed);
  const kmPerDegreeLat = 110.574;
  const kmPerDegreeLon = 111.32 * Math.cos((options.centre.lat * Math.PI) / 180);
  const toLonLat = (p: Point): [number, number] => [
    Number((options.centre.lon + p[0] / kmPerDegreeLon).toFixed(6)),
    Number((options.centre.lat + p[1] / kmPerDegreeLat).toFixed(6)),
  ];
  const ring = (polygon: Polygon): Array<[number, number]> => {
    const points = polygon.map(toLonLat);
    return [...points, points[0] as [number, number]];
  };
  const feature = (
    level: ReferenceFeature['properties']['level'],
    code: string,
    name: string,
    polygon: Polygon,
    extra: { workers?: number; population?: number } = {},
  ): ReferenceFeature => ({
    type: 'Feature',
    id: `${level}:${code}`,
    properties: { level, code, name, ...extra },
    geometry: { type: 'Polygon', coordinates: [ring(polygon)] },
  });

  const outlinePoints: Point[] = Array.from({ length: 18 }, (_, index) => {
    const angle = (index / 18) * 2 * Math.PI;
    const radius = options.radiusKm * (0.75 + random() * 0.35);
    return [Math.cos(angle) * radius * 1.25, Math.sin(angle) * radius * 0.85];
  });
  const outline = convexHull(outlinePoints);
  const districtFeature = feature('district', options.districtCode, options.districtName, outline);
  const features: ReferenceFeature[] = [districtFeature];
  // Its own stream, so adding populations left every polygon and grid worker count where it was.
  const populationRandom = createSeededRandom(options.seed + 1);
  let districtPopulation = 0;

  const streetSeeds = spreadSeeds(outline, options.streets, random);
  const streetCells = voronoiCells(outline, streetSeeds);
  const communitiesPerStreet = apportion(options.communities, options.streets, random);
  const gridsPerCommunity = apportion(options.grids, options.communities, random);
  let communityIndex = 0;
  let stemIndex = 0;

  streetCells.forEach((streetCell, s) => {
    const streetCode = childCode(options.districtCode, s + 1);
    const streetFeature = feature('street', streetCode, `${STREET_NAMES[s % STREET_NAMES.length]}街道`, streetCell);
    features.push(streetFeature);
    let streetPopulation = 0;
    const communityCount = communitiesPerStreet[s] ?? 1;
    const communityCells = voronoiCells(streetCell, spreadSeeds(streetCell, communityCount, random));
    communityCells.forEach((communityCell, c) => {
      const communityCode = childCode(streetCode, c + 1);
      const stem = COMMUNITY_STEMS[stemIndex % COMMUNITY_STEMS.length] ?? '';
      const round = Math.floor(stemIndex / COMMUNITY_STEMS.length);
      stemIndex += 1;
      const population = communityPopulation(populationRandom);
      streetPopulation += population;
      features.push(feature('community', communityCode, `${stem}${round > 0 ? ['', '东', '西', '南', '北'][round % 5] : ''}社区`, communityCell, { population }));
      const gridCount = gridsPerCommunity[communityIndex] ?? 1;
      communityIndex += 1;
      const gridCells = voronoiCells(communityCell, spreadSeeds(communityCell, gridCount, random, 2));
      gridCells.forEach((gridCell, g) => {
        const workers = 3 + Math.floor(random() * 2);
        features.push(feature('grid', childCode(communityCode, g + 1), `${stem}第${g + 1}网格`, gridCell, { workers }));
      });
    });
    streetFeature.properties.population = streetPopulation;
    districtPopulation += streetPopulation;
  });
  districtFeature.properties.population = districtPopulation;

  return {
    type: 'FeatureCollection',
    gridCommand: {
      formatVersion: REFERENCE_FORMAT_VERSION,
      city: options.city,
      generatedBy: 'tools/reference/generate.ts (synthetic demo district; codes follow GB/T 2260 + 3×3 digits)',
    },
    features,
  };
}
