import type { Report, ReportCategory, ReportSource } from '@grid-command/contracts';
import type { Burst, BurstSchedule } from './bursts';
import { dayFactor } from './day-profile';
import type { DistrictModel, GridSite } from './district-model';
import { localHour, toLocalIso } from './local-time';
import {
  CAMPAIGN_CATEGORY_WEIGHTS,
  CAMPAIGN_SEVERITY_WEIGHTS,
  CAMPAIGN_SOURCE_WEIGHTS,
  CATEGORY_WEIGHTS,
  DESCRIPTIONS,
  HAZARD_CATEGORIES,
  HAZARD_SEVERITY_WEIGHTS,
  IOT_CATEGORY_WEIGHTS,
  NOISE_EVENING_FACTOR,
  NOISE_EVENING_HOURS,
  ROUTINE_SEVERITY_WEIGHTS,
  SOURCE_WEIGHTS,
} from './mixes';
import { pointInside } from './polygon';
import { randomInt, randomUuid, type Random } from './prng';
import { tableOf, WeightedTable } from './weighted-choice';

/** `diurnal` follows the hour of the day; `flat` holds the rate steady (bursts still come on top). */
export type RateProfile = 'diurnal' | 'flat';

/** Residents and the hotline are who call in a local spike, more than patrols. */
const BURST_SOURCE_WEIGHTS: Readonly<Record<ReportSource, number>> = {
  resident_app: 45,
  hotline_12345: 35,
  grid_worker: 15,
  party_member: 5,
  iot_sensor: 0,
};

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Generates the reports of a synthetic district: who reports what, where, how urgently, and when. */
export class ReportFeed {
  private readonly sources = tableOf(SOURCE_WEIGHTS);
  private readonly burstSources = tableOf(BURST_SOURCE_WEIGHTS);
  private readonly dayCategories = tableOf(CATEGORY_WEIGHTS);
  private readonly eveningCategories = tableOf({ ...CATEGORY_WEIGHTS, noise: CATEGORY_WEIGHTS.noise * NOISE_EVENING_FACTOR });
  private readonly sensorCategories = tableOf(IOT_CATEGORY_WEIGHTS);
  private readonly routineSeverity = new WeightedTable(ROUTINE_SEVERITY_WEIGHTS);
  private readonly hazardSeverity = new WeightedTable(HAZARD_SEVERITY_WEIGHTS);
  private readonly campaignSources = tableOf(CAMPAIGN_SOURCE_WEIGHTS);
  private readonly campaignCategories = tableOf(CAMPAIGN_CATEGORY_WEIGHTS);
  private readonly campaignSeverity = new WeightedTable(CAMPAIGN_SEVERITY_WEIGHTS);

  /**
   * `campaign`: a 创城 campaign's patrols file this many times the everyday volume again, in the categories the
   * inspectors check (CAMPAIGN_CATEGORY_WEIGHTS), following the same hours; 0 is an everyday district.
   */
  constructor(
    private readonly district: DistrictModel,
    private readonly bursts: BurstSchedule,
    private readonly random: Random,
    private readonly profile: RateProfile,
    private readonly campaign = 0,
  ) {}

  /** The rate at `nowMs` as a multiple of the everyday mean rate: the hour's (1 when flat), a campaign's and a burst's on top. */
  rateFactor(nowMs: number): number {
    return this.baseFactor(nowMs) * (1 + this.campaign) + (this.bursts.at(nowMs)?.boost ?? 0);
  }

  next(nowMs: number): Report {
    // Drawn only during a campaign, so an everyday feed's seeded stream stays what it always was.
    if (this.campaign > 0 && this.random() * this.rateFactor(nowMs) < this.baseFactor(nowMs) * this.campaign) {
      const grid = this.district.gridTable.pick(this.random);
      return this.build(grid, this.campaignSources.pick(this.random), this.campaignCategories.pick(this.random), nowMs, this.campaignSeverity);
    }
    const burst = this.bursts.at(nowMs);
    if (burst !== null && this.random() < this.burstShare(burst, nowMs)) {
      const source = this.burstSources.pick(this.random);
      return this.build(this.district.gridsIn(burst.communityCode).pick(this.random), source, burst.category, nowMs);
    }
    const source = this.sources.pick(this.random);
    return this.build(this.district.gridTable.pick(this.random), source, this.categoryFor(source, nowMs), nowMs);
  }

  private baseFactor(nowMs: number): number {
    return this.profile === 'flat' ? 1 : dayFactor(nowMs);
  }

  /** Of the reports that are not a campaign's: the burst's share. */
  private burstShare(burst: Burst, nowMs: number): number {
    return burst.boost / (this.baseFactor(nowMs) + burst.boost);
  }

  private categoryFor(source: ReportSource, nowMs: number): ReportCategory {
    if (source === 'iot_sensor') return this.sensorCategories.pick(this.random);
    return (NOISE_EVENING_HOURS.has(localHour(nowMs)) ? this.eveningCategories : this.dayCategories).pick(this.random);
  }

  private build(grid: GridSite, source: ReportSource, category: ReportCategory, nowMs: number, severities = HAZARD_CATEGORIES.has(category) ? this.hazardSeverity : this.routineSeverity): Report {
    const severity = severities.pick(this.random);
    const [lon, lat] = pointInside(grid.ring, grid.centroid, this.random);
    const descriptions = DESCRIPTIONS[category];
    return {
      id: randomUuid(this.random),
      gridCode: grid.code,
      category,
      severity,
      source,
      reportedAt: toLocalIso(nowMs - this.delayMs(source)),
      reporterId: this.reporterOf(source, grid, category),
      location: { lat: round6(lat), lon: round6(lon) },
      description: descriptions[randomInt(this.random, 0, descriptions.length - 1)],
    };
  }

  /** A hotline operator files the ticket a little after the call; phones and sensors upload at once. */
  private delayMs(source: ReportSource): number {
    return source === 'hotline_12345' ? randomInt(this.random, 10_000, 60_000) : randomInt(this.random, 0, 3_000);
  }

  private reporterOf(source: ReportSource, grid: GridSite, category: ReportCategory): string {
    switch (source) {
      case 'grid_worker':
        return `gw-${grid.code}-${randomInt(this.random, 1, Math.max(1, grid.workers))}`;
      case 'hotline_12345':
        return `12345-op-${randomInt(this.random, 1, 40)}`;
      case 'resident_app':
        return `app-${randomInt(this.random, 100_000, 999_999)}`;
      case 'iot_sensor':
        return `iot-${category}-${grid.code}-${randomInt(this.random, 1, 4)}`;
      case 'party_member':
        return `pm-${grid.communityCode}-${randomInt(this.random, 1, 120)}`;
    }
  }
}
