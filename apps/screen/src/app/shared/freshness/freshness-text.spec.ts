import { describe, expect, it } from '@jest/globals';
import { freshnessText } from './freshness-text';

const asOf = Date.UTC(2026, 10, 23, 2, 30, 0);

describe('freshnessText', () => {
  it('says just now for data younger than two seconds', () => {
    expect(freshnessText({ level: 'fresh', connection: 'live', ageSeconds: 1 }, asOf, 'Asia/Shanghai', 'zh').detail).toBe('刚刚更新');
  });

  it('says live and how recent', () => {
    expect(freshnessText({ level: 'fresh', connection: 'live', ageSeconds: 3 }, asOf, 'Asia/Shanghai', 'zh')).toEqual({
      headline: '实时',
      detail: '3 秒前更新',
    });
  });

  it('says how far behind stale data is and from when it dates', () => {
    expect(freshnessText({ level: 'stale', connection: 'live', ageSeconds: 45 }, asOf, 'Asia/Shanghai', 'zh')).toEqual({
      headline: '数据已延迟 45 秒',
      detail: '数据时间 10:30:00',
    });
  });

  it('says the link is down and how old the data on screen is', () => {
    expect(freshnessText({ level: 'offline', connection: 'disconnected', ageSeconds: 125 }, asOf, 'UTC', 'en')).toEqual({
      headline: 'Disconnected',
      detail: 'Data delayed 2 min 5 s',
    });
  });

  it('names a refused subscription', () => {
    expect(freshnessText({ level: 'offline', connection: 'rejected', ageSeconds: null }, null, 'UTC', 'zh')).toEqual({
      headline: '订阅被拒绝',
      detail: '尚无数据',
    });
  });

  it('says it is connecting before any data', () => {
    expect(freshnessText({ level: 'waiting', connection: 'connecting', ageSeconds: null }, null, null, 'zh').headline).toBe('正在连接…');
  });
});
