export type Lang = 'zh' | 'en';

export const DEFAULT_WALL = 'leader-wall';

/** What the page address asks for; the scope stays raw so the loader can explain a bad one on screen. */
export interface WallParams {
  readonly wall: string;
  readonly scope: string | null;
  readonly lang: Lang;
}

/** Reads `?wall=leader-wall&scope=district:450103&lang=en`; anything missing falls back to the defaults. */
export function parseWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  const wall = params.get('wall')?.trim();
  const scope = params.get('scope')?.trim();
  return {
    wall: wall ? wall : DEFAULT_WALL,
    scope: scope ? scope : null,
    lang: params.get('lang')?.trim().toLowerCase() === 'en' ? 'en' : 'zh',
  };
}

/** The same address with `lang` replaced, so a reload keeps the language the operator picked. */
export function withLang(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  if (lang === 'zh') params.delete('lang');
  else params.set('lang', lang);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
