import { describe, expect, it } from 'vitest';
import { parseWallParams, withLang } from './wall-params';

describe('parseWallParams', () => {
  it('defaults to the leader wall in Chinese with the dashboard scope', () => {
    expect(parseWallParams('')).toEqual({ wall: 'leader-wall', scope: null, lang: 'zh' });
  });

  it('reads wall, scope and language', () => {
    expect(parseWallParams('?wall=street-wall&scope=street:450103001&lang=EN')).toEqual({
      wall: 'street-wall',
      scope: 'street:450103001',
      lang: 'en',
    });
  });

  it('treats blank values and unknown languages as absent', () => {
    expect(parseWallParams('?wall=%20&scope=&lang=fr')).toEqual({ wall: 'leader-wall', scope: null, lang: 'zh' });
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
