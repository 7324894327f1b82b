import { describe, expect, it } from '@jest/globals';
import { alertFixture, nextAlertVersion } from '@grid-command/contracts/testing';
import { applyAlert, applyAlerts, applyRefresh, catchUpSince, EMPTY_BOOK, MAX_REMEMBERED_VERSIONS, missedUpdates } from './alert-book';

const ids = (book: { alerts: ReadonlyMap<string, unknown> }): string[] => [...book.alerts.keys()].sort();

describe('applyAlert', () => {
  it('adds a new alert and takes a newer version of a held one', () => {
    const opened = alertFixture();
    const acknowledged = nextAlertVersion(opened, { state: 'acknowledged', acknowledgedBy: '张三' });
    const book = applyAlert(applyAlert(EMPTY_BOOK, opened), acknowledged);
    expect(book.alerts.get(opened.id)).toEqual(acknowledged);
    expect(book.versions.get(opened.id)).toBe(2);
  });

  it('returns the same book for a repeated or older notice, so nothing re-renders or sounds twice', () => {
    const opened = alertFixture();
    const acknowledged = nextAlertVersion(opened, { state: 'acknowledged', acknowledgedBy: '张三' });
    const book = applyAlert(applyAlert(EMPTY_BOOK, opened), acknowledged);
    expect(applyAlert(book, acknowledged)).toBe(book);
    expect(applyAlert(book, opened)).toBe(book);
  });

  it('applies notices the same whatever order they arrive in', () => {
    const v1 = alertFixture();
    const v2 = nextAlertVersion(v1, { state: 'acknowledged', acknowledgedBy: '张三' });
    const v3 = nextAlertVersion(v2, { state: 'dispatched', department: '燃气公司' });
    const forward = applyAlerts(EMPTY_BOOK, [v1, v2, v3]);
    const backward = applyAlerts(EMPTY_BOOK, [v3, v1, v2, v2]);
    expect(backward.alerts).toEqual(forward.alerts);
    expect(backward.alerts.get(v1.id)?.state).toBe('dispatched');
  });

  it('forgets the versions of alerts it no longer holds first when the memory is full', () => {
    let book = applyAlert(EMPTY_BOOK, alertFixture({ id: 'aaaaaaaa-0000-4000-8000-000000000000' }));
    const versions = new Map(book.versions);
    for (let index = 0; index < MAX_REMEMBERED_VERSIONS; index += 1) versions.set(`gone-${index}`, 1);
    book = { ...book, versions };
    const next = applyAlert(book, alertFixture());
    expect(next.versions.size).toBe(MAX_REMEMBERED_VERSIONS);
    expect(next.versions.has('aaaaaaaa-0000-4000-8000-000000000000')).toBe(true);
    expect(next.versions.has('gone-0')).toBe(false);
  });
});

describe('applyRefresh', () => {
  const asOf = Date.parse('2026-11-23T02:10:00.000Z');

  it('replaces the held list with the listed alerts', () => {
    const a = alertFixture();
    const b = alertFixture();
    const book = applyRefresh(applyAlert(EMPTY_BOOK, a), [b], asOf);
    expect(ids(book)).toEqual([b.id]);
  });

  it('keeps a held newer version over an older listed one (the list was computed before the notice)', () => {
    const v1 = alertFixture();
    const v2 = nextAlertVersion(v1, { state: 'acknowledged', acknowledgedBy: '张三' });
    const book = applyRefresh(applyAlert(EMPTY_BOOK, v2), [v1], asOf);
    expect(book.alerts.get(v1.id)).toEqual(v2);
  });

  it('keeps an alert missing from the list that changed after the list was computed', () => {
    const late = alertFixture({ openedAt: '2026-11-23T02:10:01.000Z', updatedAt: '2026-11-23T02:10:01.000Z' });
    const book = applyRefresh(applyAlert(EMPTY_BOOK, late), [], asOf);
    expect(ids(book)).toEqual([late.id]);
  });

  it('does not bring back an alert in an older version than one already seen and dropped', () => {
    const v1 = alertFixture();
    const closed = nextAlertVersion(v1, { state: 'closed', closedAt: '2026-11-23T02:00:10.000Z' });
    const dropped = applyRefresh(applyAlert(EMPTY_BOOK, closed), [], asOf);
    expect(dropped.alerts.size).toBe(0);
    expect(applyRefresh(dropped, [v1], asOf).alerts.size).toBe(0);
  });

  it('takes an alert back when a wider list names it again in the version already seen', () => {
    const v1 = alertFixture();
    const closed = nextAlertVersion(v1, { state: 'closed', closedAt: '2026-11-23T02:00:10.000Z' });
    const activeOnly = applyRefresh(applyAlert(EMPTY_BOOK, closed), [], asOf);
    expect(applyRefresh(activeOnly, [closed], asOf).alerts.get(v1.id)).toEqual(closed);
  });
});

describe('missedUpdates', () => {
  it('lists the alerts that are new or newer than held, not those already known', () => {
    const known = alertFixture();
    const changed = alertFixture();
    const book = applyAlerts(EMPTY_BOOK, [known, changed]);
    const changedLater = nextAlertVersion(changed, { state: 'acknowledged', acknowledgedBy: '李四' });
    const brandNew = alertFixture();
    expect(missedUpdates(book, [known, changedLater, brandNew]).map((alert) => alert.id)).toEqual([changed.id, brandNew.id]);
  });
});

describe('catchUpSince', () => {
  it('is null before anything was received', () => {
    expect(catchUpSince(null, EMPTY_BOOK)).toBeNull();
  });

  it('starts a margin before the later of the last list and the last change heard', () => {
    const alert = alertFixture({ updatedAt: '2026-11-23T02:20:00.000Z' });
    const book = applyAlert(EMPTY_BOOK, alert);
    expect(catchUpSince(Date.parse('2026-11-23T02:10:00.000Z'), book, 5000)).toBe('2026-11-23T02:19:55.000Z');
    expect(catchUpSince(Date.parse('2026-11-23T02:30:00.000Z'), book, 5000)).toBe('2026-11-23T02:29:55.000Z');
  });
});
