import type { Alert, AlertChange } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { alertFixture } from '@grid-command/contracts/testing';
import { chimeFor, louder } from './alert-chime';

const notice = (alert: Alert, change: AlertChange = 'opened') => ({ alert, change });
const sameGroup = (count: number): Alert[] => Array.from({ length: count }, () => alertFixture());

describe('chimeFor', () => {
  it('beeps for a new critical alert, and calls loudly for a loud one', () => {
    expect(chimeFor('alert', notice(alertFixture()), [], 5)).toBe('beep');
    expect(chimeFor('alert', notice(alertFixture({ loud: true })), [], 5)).toBe('loud');
  });

  it('stays quiet for new alerts that are not critical', () => {
    expect(chimeFor('alert', notice(alertFixture({ severity: 'major' })), [], 5)).toBe('none');
  });

  it('sounds once for the alert that makes a storm and not for those that join it', () => {
    expect(chimeFor('alert', notice(alertFixture()), sameGroup(4), 5)).toBe('beep');
    expect(chimeFor('alert', notice(alertFixture()), sameGroup(5), 5)).toBe('none');
  });

  it('calls again, loudly, when an unanswered alert is re-notified, whatever its severity', () => {
    expect(chimeFor('alertUpdated', notice(alertFixture({ severity: 'minor', loud: true }), 'renotified'), [], 5)).toBe('loud');
  });

  it('is quiet for other changes and for closed alerts', () => {
    expect(chimeFor('alertUpdated', notice(alertFixture({ state: 'acknowledged', acknowledgedBy: '张三' }), 'acknowledge'), [], 5)).toBe('none');
    expect(chimeFor('alert', notice(alertFixture({ state: 'closed', closedAt: '2026-11-23T02:01:00.000Z' })), [], 5)).toBe('none');
  });
});

describe('louder', () => {
  it('keeps the louder of two chimes', () => {
    expect(louder('beep', 'loud')).toBe('loud');
    expect(louder('beep', 'none')).toBe('beep');
    expect(louder('none', 'none')).toBe('none');
  });
});
