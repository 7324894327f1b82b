import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { ScopeFeatureCollection } from '@grid-command/contracts';
import { ApiClient } from '../../../shared/data/api-client.service';
import { backoffDelay } from '../../../shared/data/backoff';
import { scopeFeatureCollectionSchema } from '../../data/scope-geometry.schema';
import { echarts } from '../../charts/echarts-setup';
import { tryParseScope } from '../../../shared/scopes/scope-ids';
import { geoBounds } from './geo-bounds';
import type { MapLayers } from './map-option';

export type MapGeometryState = { readonly status: 'loading' } | { readonly status: 'failed' } | { readonly status: 'ready'; readonly layers: MapLayers };

type RegisterableGeoJson = Parameters<typeof echarts.registerMap>[1];

/** The same collection in the shape ECharts types its input with (its properties carry an index signature). */
function asEchartsGeoJson(collection: ScopeFeatureCollection): RegisterableGeoJson {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({ type: 'Feature', id: feature.id, properties: { ...feature.properties }, geometry: feature.geometry })),
  };
}

/** Fetches a scope's grids and children, registers them as ECharts maps, and retries until it has them. */
@Injectable()
export class MapGeometryService {
  private readonly api = inject(ApiClient);
  private readonly stateSignal = signal<MapGeometryState>({ status: 'loading' });
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  /** Bumped by every load, so the answer for a scope the wall has left is dropped. */
  private generation = 0;

  readonly state = this.stateSignal.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearTimeout(this.retryTimer);
    });
  }

  load(scope: string): void {
    clearTimeout(this.retryTimer);
    const generation = ++this.generation;
    if (this.stateSignal().status !== 'loading') this.stateSignal.set({ status: 'loading' });
    Promise.all([
      this.api.get(`/api/v1/geo/${scope}?level=grid`, scopeFeatureCollectionSchema),
      this.api.get(`/api/v1/geo/${scope}`, scopeFeatureCollectionSchema),
    ]).then(
      ([grids, children]) => {
        if (this.destroyed || generation !== this.generation) return;
        this.failures = 0;
        this.stateSignal.set(this.register(scope, grids, children));
      },
      () => {
        if (this.destroyed || generation !== this.generation) return;
        this.stateSignal.set({ status: 'failed' });
        this.retryTimer = setTimeout(() => this.load(scope), backoffDelay(this.failures++));
      },
    );
  }

  private register(scope: string, grids: ScopeFeatureCollection, children: ScopeFeatureCollection): MapGeometryState {
    const bounds = geoBounds(grids.features.map((feature) => feature.geometry));
    if (bounds === null) return { status: 'failed' };
    const level = tryParseScope(scope)?.level ?? 'district';
    const gridMap = `gc-grids:${scope}`;
    echarts.registerMap(gridMap, asEchartsGeoJson(grids));
    // Streets and communities are outlined over their grids; a community's children are its grids (they carry the names), and a grid has none.
    const outlineMap = (level === 'district' || level === 'street') && children.features.length > 0 ? `gc-outline:${scope}` : null;
    if (outlineMap !== null) echarts.registerMap(outlineMap, asEchartsGeoJson(children));
    return {
      status: 'ready',
      layers: {
        level,
        gridMap,
        outlineMap,
        gridCodes: grids.features.map((feature) => feature.properties.code),
        gridNames: new Map(grids.features.map((feature) => [feature.properties.code, feature.properties.name])),
        bounds,
      },
    };
  }
}
