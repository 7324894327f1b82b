import { describe, expect, it } from '@jest/globals';
import type { LayoutChange } from '@grid-command/contracts';
import { LayoutChangeFeed } from './layout-change-feed';

describe('LayoutChangeFeed', () => {
  it('passes a well-formed change from the socket to every listener', () => {
    const feed = new LayoutChangeFeed();
    const heard: Array<LayoutChange | null> = [];
    feed.onChange((change) => heard.push(change));
    feed.receive({ name: 'leader-wall', revision: '0123456789abcdef' });
    expect(heard).toEqual([{ name: 'leader-wall', revision: '0123456789abcdef' }]);
  });

  it('ignores anything else the socket sends under that name', () => {
    const feed = new LayoutChangeFeed();
    const heard: Array<LayoutChange | null> = [];
    feed.onChange((change) => heard.push(change));
    feed.receive({ name: 'leader-wall' });
    feed.receive('leader-wall');
    feed.receive({ name: 'leader-wall', revision: 'abc', extra: true });
    expect(heard).toEqual([]);
  });

  it('tells of a reconnection as a change of unknown layout, so the one on screen is checked', () => {
    const feed = new LayoutChangeFeed();
    const heard: Array<LayoutChange | null> = [];
    feed.onChange((change) => heard.push(change));
    feed.reconnected();
    expect(heard).toEqual([null]);
  });

  it('stops telling a listener that unregistered', () => {
    const feed = new LayoutChangeFeed();
    const heard: Array<LayoutChange | null> = [];
    const stop = feed.onChange((change) => heard.push(change));
    stop();
    feed.receive({ name: 'leader-wall', revision: '0123456789abcdef' });
    expect(heard).toEqual([]);
  });
});
