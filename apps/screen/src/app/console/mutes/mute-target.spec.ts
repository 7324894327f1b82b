import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MUTE_TARGET, muteTargetOf } from './mute-target';

const alert = { ruleId: 'critical-events', scope: 'grid:450103001001001' };

describe('muteTargetOf', () => {
  it("holds back by default only the alert's rule in the alert's scope, not the rule across the district", () => {
    expect(muteTargetOf(alert, DEFAULT_MUTE_TARGET)).toEqual({ ruleId: 'critical-events', scope: 'grid:450103001001001' });
  });

  it('widens to the rule everywhere or to every rule of the scope only when the officer unticks the other', () => {
    expect(muteTargetOf(alert, { byRule: true, byScope: false })).toEqual({ ruleId: 'critical-events' });
    expect(muteTargetOf(alert, { byRule: false, byScope: true })).toEqual({ scope: 'grid:450103001001001' });
  });

  it('names nothing when neither is ticked', () => {
    expect(muteTargetOf(alert, { byRule: false, byScope: false })).toBeNull();
  });
});
