import type { ReferenceFile } from '@grid-command/contracts';
import { centroidOf, outerRingOf, type Position, type Ring } from './polygon';
import { gaussian, type Random } from './prng';
import { WeightedTable } from './weighted-choice';

export interface GridSite {
  readonly code: string;
  readonly communityCode: string;
  readonly workers: number;
  readonly ring: Ring;
  readonly centroid: Position;
}

/** How uneven the district is: old compounds, markets and night-life streets report far more than others. */
const COMMUNITY_HEAT_SIGMA = 0.9;
const GRID_HEAT_SIGMA = 0.5;

/** The grids of one district with the weight each carries in the feed. */
export class DistrictModel {
  readonly grids: readonly GridSite[];
  readonly gridTable: WeightedTable<GridSite>;
  readonly communityTable: WeightedTable<string>;
  private readonly tablesByCommunity: ReadonlyMap<string, WeightedTable<GridSite>>;

  /** Heat is drawn from `random` once, so a seed fixes where the hot spots are. */
  constructor(file: ReferenceFile, random: Random) {
    this.grids = file.features
      .filter((feature) => feature.properties.level === 'grid')
      .map((feature) => {
        const ring = outerRingOf(feature.geometry);
        const { code, workers } = feature.properties;
        return { code, communityCode: code.slice(0, 12), workers: workers ?? 0, ring, centroid: centroidOf(ring) };
      });
    if (this.grids.length === 0) throw new Error('the reference file has no grid to report from');

    const communityHeat = new Map<string, number>();
    const weighted = new Map<string, Array<readonly [GridSite, number]>>();
    for (const grid of this.grids) {
      let heat = communityHeat.get(grid.communityCode);
      if (heat === undefined) {
        heat = Math.exp(COMMUNITY_HEAT_SIGMA * gaussian(random));
        communityHeat.set(grid.communityCode, heat);
      }
      const entries = weighted.get(grid.communityCode) ?? [];
      entries.push([grid, heat * Math.exp(GRID_HEAT_SIGMA * gaussian(random))]);
      weighted.set(grid.communityCode, entries);
    }
    this.gridTable = new WeightedTable([...weighted.values()].flat());
    this.communityTable = new WeightedTable(communityHeat);
    this.tablesByCommunity = new Map([...weighted].map(([community, entries]) => [community, new WeightedTable(entries)]));
  }

  /** The grids of one community, weighted by their heat. */
  gridsIn(communityCode: string): WeightedTable<GridSite> {
    const table = this.tablesByCommunity.get(communityCode);
    if (!table) throw new Error(`community ${communityCode} has no grid in the reference`);
    return table;
  }
}
