import type { KpiPeriodKind } from '@grid-command/contracts';

export type Lang = 'zh' | 'en';

export const DEFAULT_WALL = 'leader-wall';

/** The period the workflow KPIs cover; `custom` carries both days (inclusive, YYYY-MM-DD). */
export type WallPeriod =
  | { readonly kind: Exclude<KpiPeriodKind, 'custom'> }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

/** What the page address asks for; the scope stays raw so the loader can explain a bad one on screen. */
export interface WallParams {
  readonly wall: string;
  readonly scope: string | null;
  readonly lang: Lang;
  readonly period: WallPeriod;
  /** `?playlist=district-tour`: the wall rotates through that playlist instead of showing one layout. */
  readonly playlist: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `period=week`, or `period=custom&from=…&to=…`; anything unusable is today rather than an error on the wall. */
function parsePeriod(params: URLSearchParams): WallPeriod {
  const kind = params.get('period')?.trim().toLowerCase();
  if (kind === 'week' || kind === 'month') return { kind };
  if (kind === 'custom') {
    const from = params.get('from')?.trim() ?? '';
    const to = params.get('to')?.trim() ?? '';
    if (DAY.test(from) && DAY.test(to) && from <= to) return { kind, from, to };
  }
  return { kind: 'today' };
}

/** Reads `?wall=leader-wall&scope=district:450103&lang=en&period=week`; anything missing falls back to the defaults. */
export function parseWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  const wall = params.get('wall')?.trim();
  const scope = params.get('scope')?.trim();
  const playlist = params.get('playlist')?.trim();
  return {
    wall: wall ? wall : DEFAULT_WALL,
    scope: scope ? scope : null,
    lang: params.get('lang')?.trim().toLowerCase() === 'en' ? 'en' : 'zh',
    period: parsePeriod(params),
    playlist: playlist ? playlist : null,
  };
}

/** The same address with `lang` replaced, so a reload keeps the language the operator picked. */
export function withLang(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  if (lang === 'zh') params.delete('lang');
  else params.set('lang', lang);
  return asSearch(params);
}

/** The same address showing another scope (a drill-down), every other parameter kept. */
export function withScope(search: string, scope: string): string {
  const params = new URLSearchParams(search);
  params.set('scope', scope);
  return asSearch(params);
}

/** The address of a wall playing `playlist` (a reload plays it again): no layout or scope of its own. */
export function withPlaylist(search: string, playlist: string): string {
  const params = new URLSearchParams(search);
  params.delete('wall');
  params.delete('scope');
  params.set('playlist', playlist);
  return asSearch(params);
}

/** The address of a wall showing one layout (on `scope`, else the layout's own), out of any playlist. */
export function withLayout(search: string, layout: string, scope: string | undefined): string {
  const params = new URLSearchParams(search);
  params.delete('playlist');
  params.set('wall', layout);
  if (scope === undefined) params.delete('scope');
  else params.set('scope', scope);
  return asSearch(params);
}

/** The query string of `GET /api/v1/kpis` for a scope and period. */
export function kpiQuery(scope: string, period: WallPeriod): string {
  const params = new URLSearchParams({ scope, period: period.kind });
  if (period.kind === 'custom') {
    params.set('from', period.from);
    params.set('to', period.to);
  }
  return params.toString();
}

function asSearch(params: URLSearchParams): string {
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
