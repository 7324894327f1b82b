import type { AlertMute } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { MUTE_LIMITS, muteLimitRefusal, type MuteRequester } from './mute-limits';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const officer: MuteRequester = { name: 'duty-zhang', isAdmin: false };
const admin: MuteRequester = { name: 'admin', isAdmin: true };
const streetRule = { ruleId: 'noise-spike', scope: 'street:450103001' };

function mute(by: string, untilMinutes: number, index: number): AlertMute {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    ruleId: 'noise-spike',
    scope: 'street:450103001',
    from: new Date(NOW - 60_000).toISOString(),
    until: new Date(NOW + untilMinutes * 60_000).toISOString(),
    reason: '检修',
    by,
    createdAt: new Date(NOW - 60_000).toISOString(),
    suppressed: 0,
  };
}

const muted = (count: number, by: string, untilMinutes = 30): AlertMute[] => Array.from({ length: count }, (_, index) => mute(by, untilMinutes + index, index));

describe('muteLimitRefusal', () => {
  it('allows a rule in a street, a rule for a district, and every rule in a street', () => {
    expect(muteLimitRefusal(streetRule, officer, [], NOW)).toBeNull();
    expect(muteLimitRefusal({ ruleId: 'noise-spike', scope: 'district:450103' }, officer, [], NOW)).toBeNull();
    expect(muteLimitRefusal({ ruleId: null, scope: 'street:450103001' }, officer, [], NOW)).toBeNull();
  });

  it('refuses every rule for a whole district unless the requester is an admin', () => {
    const refusal = muteLimitRefusal({ ruleId: null, scope: 'district:450103' }, officer, [], NOW);
    expect(refusal).toEqual({ kind: 'too_broad', message: expect.stringContaining('needs the admin role') });
    expect(muteLimitRefusal({ ruleId: null, scope: 'district:450103' }, admin, [], NOW)).toBeNull();
  });

  it(`refuses the ${MUTE_LIMITS.activePerPrincipal + 1}th active mute of one principal, retrying when the soonest of theirs ends`, () => {
    const own = muted(MUTE_LIMITS.activePerPrincipal, officer.name, 30);
    expect(muteLimitRefusal(streetRule, officer, own.slice(1), NOW)).toBeNull();
    expect(muteLimitRefusal(streetRule, officer, own, NOW)).toEqual({
      kind: 'limit_reached',
      message: expect.stringContaining(`limit per principal (${MUTE_LIMITS.activePerPrincipal})`),
      retryAfterSeconds: 30 * 60,
    });
    expect(muteLimitRefusal(streetRule, { name: 'duty-li', isAdmin: false }, own, NOW)).toBeNull();
  });

  it('counts only mutes that have not ended', () => {
    expect(muteLimitRefusal(streetRule, officer, muted(MUTE_LIMITS.activePerPrincipal, officer.name, -5), NOW)).toBeNull();
  });

  it('refuses anyone, admins too, once everyone together holds the total', () => {
    const everyone = Array.from({ length: MUTE_LIMITS.activeInTotal }, (_, index) => mute(`officer-${index}`, 10, index));
    for (const requester of [officer, admin]) {
      expect(muteLimitRefusal(streetRule, requester, everyone, NOW)).toMatchObject({
        kind: 'limit_reached',
        message: expect.stringContaining(`everyone together (${MUTE_LIMITS.activeInTotal})`),
        retryAfterSeconds: 600,
      });
    }
  });

  it('holds an admin to the limit per principal too', () => {
    expect(muteLimitRefusal(streetRule, admin, muted(MUTE_LIMITS.activePerPrincipal, admin.name), NOW)?.kind).toBe('limit_reached');
  });
});
