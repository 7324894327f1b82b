import { describe, expect, it } from '@jest/globals';
import { indexWithTimeZone } from './screen-index';

const BUILT = '<head><meta charset="utf-8" /><meta name="gc-time-zone" content="" /></head>';

describe('indexWithTimeZone', () => {
  it('fills the meta with the deployment zone and leaves the rest of the page alone', () => {
    expect(indexWithTimeZone(BUILT, 'Asia/Shanghai')).toBe('<head><meta charset="utf-8" /><meta name="gc-time-zone" content="Asia/Shanghai" /></head>');
  });

  it('escapes what would end the attribute', () => {
    expect(indexWithTimeZone(BUILT, 'a"><script>')).toContain('content="a&quot;&gt;&lt;script&gt;"');
  });

  it('gives a page built without the meta one, rather than leave it on the browser zone', () => {
    expect(indexWithTimeZone('<head><title>x</title></head>', 'Asia/Shanghai')).toBe('<head><title>x</title><meta name="gc-time-zone" content="Asia/Shanghai" /></head>');
  });
});
