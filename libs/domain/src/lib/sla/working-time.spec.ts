import { workCalendarSchema } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { WorkingTime } from './working-time';

// 09:00–12:00 and 13:30–17:30: 7 office hours a day; Asia/Shanghai is UTC+8.
const calendar = workCalendarSchema.parse({
  timeZone: 'Asia/Shanghai',
  workingHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  years: {
    '2026': {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-20', '2026-10-10'],
    },
  },
});
const time = new WorkingTime(calendar);
const at = (local: string): Date => new Date(`${local}+08:00`);

describe('WorkingTime', () => {
  it('knows holidays, 调休 make-up days and plain weekends', () => {
    expect(time.isWorkingDay('2026-10-01')).toBe(false); // Thursday, 国庆
    expect(time.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(time.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休
    expect(time.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(time.isWorkingDay('2026-11-25')).toBe(true); // Wednesday
    expect(time.isWorkingDay('2027-01-02')).toBe(false); // Saturday of an unlisted year
    expect(time.coversYear(2026)).toBe(true);
    expect(time.coversYear(2027)).toBe(false);
  });

  it('adds office minutes within a morning', () => {
    expect(time.addWorkingMinutes(at('2026-11-25T09:00:00'), 60)).toEqual(at('2026-11-25T10:00:00'));
  });

  it('skips the lunch break', () => {
    expect(time.addWorkingMinutes(at('2026-11-25T11:30:00'), 60)).toEqual(at('2026-11-25T14:00:00'));
  });

  it('starts counting at opening time when reported at night', () => {
    expect(time.addWorkingMinutes(at('2026-11-24T22:00:00'), 30)).toEqual(at('2026-11-25T09:30:00'));
  });

  it('ends exactly at closing time when the minutes fill the day', () => {
    expect(time.addWorkingMinutes(at('2026-11-25T09:00:00'), 420)).toEqual(at('2026-11-25T17:30:00'));
  });

  it('jumps the weekend: Friday afternoon + 2 h is Monday morning', () => {
    expect(time.addWorkingMinutes(at('2026-11-27T17:00:00'), 120)).toEqual(at('2026-11-30T10:30:00'));
  });

  it('jumps the National Day week and works the make-up Saturday', () => {
    // Wed 30 Sep 17:00 + 1 h: the 1st–7th are off, Thu 8th is the next working day.
    expect(time.addWorkingMinutes(at('2026-09-30T17:00:00'), 60)).toEqual(at('2026-10-08T09:30:00'));
    // Fri 9 Oct 17:00 + 1 h: Saturday 10th is a 调休 working day.
    expect(time.addWorkingMinutes(at('2026-10-09T17:00:00'), 60)).toEqual(at('2026-10-10T09:30:00'));
  });

  it('counts office minutes between two instants, the inverse of adding them', () => {
    expect(time.workingMinutesBetween(at('2026-11-25T11:00:00'), at('2026-11-25T14:30:00'))).toBe(120);
    expect(time.workingMinutesBetween(at('2026-11-27T17:00:00'), at('2026-11-30T10:30:00'))).toBe(120);
    expect(time.workingMinutesBetween(at('2026-11-27T17:00:00'), at('2026-11-27T16:00:00'))).toBe(0);
    const start = at('2026-09-29T15:17:00');
    for (const minutes of [1, 59, 420, 421, 2100]) {
      expect(time.workingMinutesBetween(start, time.addWorkingMinutes(start, minutes))).toBeCloseTo(minutes, 9);
    }
  });

  it('counts calendar limits in plain minutes', () => {
    expect(time.deadline(at('2026-10-01T23:00:00'), { minutes: 240, clock: 'calendar' })).toEqual(at('2026-10-02T03:00:00'));
    expect(time.minutesLeft(at('2026-10-01T23:00:00'), at('2026-10-02T03:00:00'), 'calendar')).toBe(240);
    expect(time.minutesLeft(at('2026-10-02T04:00:00'), at('2026-10-02T03:00:00'), 'calendar')).toBe(0);
  });

  it('fails instead of looping when no day is ever worked', () => {
    const never = new WorkingTime({ ...calendar, workingHours: [{ start: '09:00', end: '09:00' }] });
    expect(() => never.addWorkingMinutes(at('2026-11-25T09:00:00'), 1)).toThrow(/no 1 working minutes/);
  });
});
