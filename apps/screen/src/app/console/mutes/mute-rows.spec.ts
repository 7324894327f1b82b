import { alertMuteSchema } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { activeMutes } from './mute-rows';

const mute = (id: string, from: string, until: string) =>
  alertMuteSchema.parse({ id, ruleId: 'noise-spike', scope: null, from, until, reason: '演唱会', by: '张三', createdAt: from, suppressed: 0 });

describe('activeMutes', () => {
  it('keeps the mutes in force now, the one ending soonest first', () => {
    const now = Date.parse('2026-11-23T02:00:00.000Z');
    const later = mute('00000000-0000-4000-8000-000000000001', '2026-11-23T01:00:00.000Z', '2026-11-23T04:00:00.000Z');
    const sooner = mute('00000000-0000-4000-8000-000000000002', '2026-11-23T01:30:00.000Z', '2026-11-23T02:30:00.000Z');
    const over = mute('00000000-0000-4000-8000-000000000003', '2026-11-23T00:00:00.000Z', '2026-11-23T02:00:00.000Z');
    const future = mute('00000000-0000-4000-8000-000000000004', '2026-11-23T03:00:00.000Z', '2026-11-23T05:00:00.000Z');
    expect(activeMutes([later, over, sooner, future], now).map((item) => item.id)).toEqual([sooner.id, later.id]);
  });
});
