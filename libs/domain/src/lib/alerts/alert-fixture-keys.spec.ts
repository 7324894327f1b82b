import { alertRuleSchema, type CriticalRule } from '@grid-command/contracts';
import { alertFixture } from '@grid-command/contracts/testing';
import { describe, expect, it } from '@jest/globals';
import { dedupKeyOf, type AlertCandidate } from './alert-candidate';
import { openAlert } from './alert-lifecycle';

// The contracts' alert fixture writes its keys out by hand (contracts cannot import the domain); these tests hold
// them to the formats the domain computes, so specs built on the fixture exercise keys the platform really writes.
const fixture = alertFixture();

const rule = alertRuleSchema.parse({
  id: fixture.ruleId,
  kind: 'critical',
  name: fixture.title,
  severity: fixture.severity,
  level: 'grid',
  groupBy: 'street',
  cooldownMinutes: 0,
  anyOf: [{ severityAtLeast: 4 }],
}) as CriticalRule;

const candidate: AlertCandidate = {
  rule,
  scope: fixture.scope,
  category: fixture.category,
  ticketId: fixture.ticketId,
  reportIds: fixture.reportIds,
  measure: fixture.measure,
  slaDueAt: fixture.slaDueAt,
};

describe('alertFixture keys', () => {
  it('has the dedup key dedupKeyOf gives its rule and subject', () => {
    expect(fixture.dedupKey).toBe(dedupKeyOf(candidate));
  });

  it('has the storm group and dedup keys openAlert writes for the same candidate', () => {
    const opened = openAlert(candidate, {
      id: fixture.id,
      scopeName: fixture.scopeName,
      now: new Date(fixture.openedAt),
      bounds: { acknowledgeMinutes: 2, reportInMinutes: 30 },
    });
    expect({ groupKey: fixture.groupKey, dedupKey: fixture.dedupKey }).toEqual({ groupKey: opened.groupKey, dedupKey: opened.dedupKey });
  });
});
