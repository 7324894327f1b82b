import { describe, expect, it } from '@jest/globals';
import { floorToMinute, isValidTimeZone, minuteWindow, startOfDay, zoneOffsetMinutes } from './time';

const HOUR_MS = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('zoneOffsetMinutes', () => {
  it.each([
    ['2024-01-15T12:00:00Z', 'Asia/Shanghai', 480],
    ['2024-07-15T12:00:00Z', 'Asia/Shanghai', 480],
    ['2024-01-15T12:00:00Z', 'UTC', 0],
    ['2024-01-15T12:00:00Z', 'America/New_York', -300],
    ['2024-07-15T12:00:00Z', 'America/New_York', -240],
    ['2024-01-15T12:00:00Z', 'Europe/Berlin', 60],
    ['2024-07-15T12:00:00Z', 'Europe/Berlin', 120],
    ['2024-01-15T12:00:00Z', 'Asia/Kolkata', 330],
    ['2024-01-15T12:00:00Z', 'Asia/Kathmandu', 345],
  ])('at %s in %s is %i', (instant, zone, offset) => {
    expect(zoneOffsetMinutes(at(instant), zone)).toBe(offset);
  });

  it('is unaffected by seconds and milliseconds of the instant', () => {
    expect(zoneOffsetMinutes(at('2024-01-15T15:59:59.999Z'), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(at('2024-01-15T23:59:59.999Z'), 'America/New_York')).toBe(-300);
  });

  it('changes at the instant New York springs forward', () => {
    // 2024-03-10 02:00 EST = 07:00Z.
    expect(zoneOffsetMinutes(at('2024-03-10T06:59:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(at('2024-03-10T07:00:00Z'), 'America/New_York')).toBe(-240);
  });
});

describe('startOfDay', () => {
  it('gives the same Shanghai midnight at 00:01 and at 23:59 local', () => {
    const midnight = at('2024-05-19T16:00:00Z'); // 2024-05-20 00:00 +08:00
    expect(startOfDay(at('2024-05-20T00:01:00+08:00'), 'Asia/Shanghai')).toEqual(midnight);
    expect(startOfDay(at('2024-05-20T23:59:00+08:00'), 'Asia/Shanghai')).toEqual(midnight);
    expect(startOfDay(at('2024-05-20T23:59:59.999+08:00'), 'Asia/Shanghai')).toEqual(midnight);
  });

  it('moves to the next Shanghai day at local midnight, although the UTC date is still the previous one', () => {
    expect(startOfDay(at('2024-05-21T00:00:00+08:00'), 'Asia/Shanghai')).toEqual(at('2024-05-20T16:00:00Z'));
    expect(startOfDay(at('2024-05-20T15:59:59.999Z'), 'Asia/Shanghai')).toEqual(at('2024-05-19T16:00:00Z'));
  });

  it('is UTC midnight in UTC', () => {
    expect(startOfDay(at('2024-05-20T23:59:00Z'), 'UTC')).toEqual(at('2024-05-20T00:00:00Z'));
  });

  it.each([
    // New York springs forward at 02:00 on 2024-03-10 and falls back at 02:00 on 2024-11-03.
    ['America/New_York', '2024-03-10T00:30:00-05:00', '2024-03-10T05:00:00Z'],
    ['America/New_York', '2024-03-10T12:00:00-04:00', '2024-03-10T05:00:00Z'],
    ['America/New_York', '2024-03-10T23:30:00-04:00', '2024-03-10T05:00:00Z'],
    ['America/New_York', '2024-11-03T00:30:00-04:00', '2024-11-03T04:00:00Z'],
    ['America/New_York', '2024-11-03T01:30:00-05:00', '2024-11-03T04:00:00Z'],
    ['America/New_York', '2024-11-03T23:30:00-05:00', '2024-11-03T04:00:00Z'],
    // Berlin springs forward at 02:00 on 2024-03-31 and falls back at 03:00 on 2024-10-27.
    ['Europe/Berlin', '2024-03-31T00:30:00+01:00', '2024-03-30T23:00:00Z'],
    ['Europe/Berlin', '2024-03-31T12:00:00+02:00', '2024-03-30T23:00:00Z'],
    ['Europe/Berlin', '2024-03-31T23:30:00+02:00', '2024-03-30T23:00:00Z'],
    ['Europe/Berlin', '2024-10-27T00:30:00+02:00', '2024-10-26T22:00:00Z'],
    ['Europe/Berlin', '2024-10-27T02:30:00+01:00', '2024-10-26T22:00:00Z'],
    ['Europe/Berlin', '2024-10-27T23:30:00+01:00', '2024-10-26T22:00:00Z'],
  ])('in %s on a daylight-saving change day, %s starts its day at %s', (zone, instant, midnight) => {
    expect(startOfDay(at(instant), zone)).toEqual(at(midnight));
  });

  it.each([
    ['America/New_York', '2024-03-10T12:00:00-04:00', 23],
    ['America/New_York', '2024-11-03T12:00:00-05:00', 25],
    ['Europe/Berlin', '2024-03-31T12:00:00+02:00', 23],
    ['Europe/Berlin', '2024-10-27T12:00:00+01:00', 25],
    ['Asia/Shanghai', '2024-03-10T12:00:00+08:00', 24],
  ])('in %s the day of %s lasts %i hours', (zone, instant, hours) => {
    const start = startOfDay(at(instant), zone);
    const next = startOfDay(new Date(start.getTime() + 30 * HOUR_MS), zone);
    expect((next.getTime() - start.getTime()) / HOUR_MS).toBe(hours);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus_Mons', 'Asia/Beijing', '', 'GMT+25'])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('minuteWindow', () => {
  const now = at('2024-05-20T10:30:15.500Z');

  it('holds 60 consecutive minute starts, oldest first, ending with the minute that contains now', () => {
    const window = minuteWindow(now, 60);
    expect(window).toHaveLength(60);
    expect(window[0]).toEqual(at('2024-05-20T09:31:00Z'));
    expect(window[59]).toEqual(at('2024-05-20T10:30:00Z'));
    window.slice(1).forEach((minute, index) => expect(minute.getTime() - (window[index]?.getTime() ?? 0)).toBe(60_000));
  });

  it('ends with now itself when now is on a minute boundary', () => {
    expect(minuteWindow(at('2024-05-20T10:30:00Z'), 2)).toEqual([at('2024-05-20T10:29:00Z'), at('2024-05-20T10:30:00Z')]);
  });

  it('is empty for a count of zero', () => {
    expect(minuteWindow(now, 0)).toEqual([]);
  });
});

describe('floorToMinute', () => {
  it('drops seconds and milliseconds', () => {
    expect(floorToMinute(at('2024-05-20T10:30:59.999Z'))).toEqual(at('2024-05-20T10:30:00Z'));
  });
});
