import { describe, expect, it } from '@jest/globals';
import { timeZoneOfPage } from './deployment-time-zone.service';

function page(meta: string): Document {
  const document = window.document.implementation.createHTMLDocument('screen');
  document.head.innerHTML = meta;
  return document;
}

describe('timeZoneOfPage', () => {
  it('reads the zone the server filled in', () => {
    expect(timeZoneOfPage(page('<meta name="gc-time-zone" content="Asia/Shanghai" />'))).toBe('Asia/Shanghai');
  });

  it('is unknown for the page as built (empty meta), without a meta, or with something that is no zone', () => {
    expect(timeZoneOfPage(page('<meta name="gc-time-zone" content="" />'))).toBeNull();
    expect(timeZoneOfPage(page(''))).toBeNull();
    expect(timeZoneOfPage(page('<meta name="gc-time-zone" content="Mars/Olympus" />'))).toBeNull();
  });
});
