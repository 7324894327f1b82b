import { describe, expect, it } from '@jest/globals';
import { kpiQuery, parseWallParams, withLang, withLayout, withPlaylist, withScope } from './wall-params';

describe('parseWallParams', () => {
  it('defaults to the leader wall in Chinese with the dashboard scope', () => {
    expect(parseWallParams('')).toEqual({ wall: 'leader-wall', scope: null, lang: 'zh', period: { kind: 'today' }, playlist: null });
  });

  it('reads wall, scope and language', () => {
    expect(parseWallParams('?wall=street-wall&scope=street:450103001&lang=EN')).toEqual({
      wall: 'street-wall',
      scope: 'street:450103001',
      lang: 'en',
      period: { kind: 'today' },
      playlist: null,
    });
  });

  it('reads a playlist', () => {
    expect(parseWallParams('?playlist=%20district-tour%20').playlist).toBe('district-tour');
    expect(parseWallParams('?playlist=').playlist).toBeNull();
  });

  it('treats blank values and unknown languages as absent', () => {
    expect(parseWallParams('?wall=%20&scope=&lang=fr')).toEqual({ wall: 'leader-wall', scope: null, lang: 'zh', period: { kind: 'today' }, playlist: null });
  });

  it('reads a named period and a custom one with both days', () => {
    expect(parseWallParams('?period=WEEK').period).toEqual({ kind: 'week' });
    expect(parseWallParams('?period=month').period).toEqual({ kind: 'month' });
    expect(parseWallParams('?period=custom&from=2026-11-01&to=2026-11-20').period).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-20' });
  });

  it('falls back to today for an unknown period or a custom one without usable days', () => {
    expect(parseWallParams('?period=year').period).toEqual({ kind: 'today' });
    expect(parseWallParams('?period=custom&from=2026-11-01').period).toEqual({ kind: 'today' });
    expect(parseWallParams('?period=custom&from=2026-11-20&to=2026-11-01').period).toEqual({ kind: 'today' });
  });
});

describe('withLang', () => {
  it('keeps the other parameters', () => {
    expect(withLang('?scope=district:450103', 'en')).toBe('?scope=district%3A450103&lang=en');
  });

  it('drops the parameter for the default language', () => {
    expect(withLang('?lang=en', 'zh')).toBe('');
  });
});

describe('withScope', () => {
  it('replaces the scope and keeps wall, language and period', () => {
    expect(withScope('?wall=leader-wall&scope=district%3A450103&lang=en&period=week', 'street:450103001')).toBe(
      '?wall=leader-wall&scope=street%3A450103001&lang=en&period=week',
    );
  });

  it('adds a scope to a bare address', () => {
    expect(withScope('', 'community:450103001002')).toBe('?scope=community%3A450103001002');
  });
});

describe('kpiQuery', () => {
  it('asks for the scope and a named period', () => {
    expect(kpiQuery('street:450103001', { kind: 'week' })).toBe('scope=street%3A450103001&period=week');
  });

  it('sends both days of a custom period', () => {
    expect(kpiQuery('district:450103', { kind: 'custom', from: '2026-11-01', to: '2026-11-20' })).toBe(
      'scope=district%3A450103&period=custom&from=2026-11-01&to=2026-11-20',
    );
  });
});

describe('withPlaylist and withLayout', () => {
  it('plays a playlist instead of a layout and scope, keeping the language', () => {
    expect(withPlaylist('?wall=leader-wall&scope=street:450103001&lang=en', 'district-tour')).toBe('?lang=en&playlist=district-tour');
  });

  it('shows a layout out of the playlist, on a scope or on its own', () => {
    expect(withLayout('?playlist=district-tour&lang=en', 'leader-wall', 'street:450103004')).toBe('?lang=en&wall=leader-wall&scope=street%3A450103004');
    expect(withLayout('?scope=street:450103001', 'leader-wall', undefined)).toBe('?wall=leader-wall');
  });
});
