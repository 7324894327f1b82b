import { describe, expect, it } from '@jest/globals';
import { estimatedWidth, tickerMotion } from './ticker-motion';

describe('tickerMotion', () => {
  it('stands still, shown once, when the items fit the strip', () => {
    expect(tickerMotion([{ text: '特急事件 · 第015网格 · 待确认' }], 1140, 90)).toEqual({ moving: false, seconds: 0, copies: [0] });
  });

  it('scrolls two copies for a seamless loop when they do not fit, one pass at the given speed', () => {
    const items = Array.from({ length: 10 }, () => ({ text: '特急事件 · 第015网格 · 已确认 · 张三 · 已持续 12 分 0 秒' }));
    const motion = tickerMotion(items, 1140, 90);
    expect(motion.moving).toBe(true);
    expect(motion.copies).toEqual([0, 1]);
    expect(motion.seconds).toBe(Math.round(items.reduce((sum, item) => sum + estimatedWidth(item.text) + 90, 0) / 90));
  });

  it('counts Chinese characters wider than Latin ones', () => {
    expect(estimatedWidth('特急')).toBeGreaterThan(estimatedWidth('ab'));
  });
});
