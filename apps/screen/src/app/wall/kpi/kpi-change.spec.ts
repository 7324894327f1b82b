import { describe, expect, it } from '@jest/globals';
import { compareFigure, formatChange, toneOf } from './kpi-change';

describe('compareFigure', () => {
  it('gives counts a relative change', () => {
    expect(compareFigure(1380, 1200, 'count', 'higher-is-better')).toEqual({ kind: 'relative', direction: 'up', tone: 'good', ratio: 0.15 });
    expect(compareFigure(90, 120, 'count', 'higher-is-better')).toEqual({ kind: 'relative', direction: 'down', tone: 'bad', ratio: -0.25 });
  });

  it('gives rates the difference in percentage points, not a percent of a percent', () => {
    const change = compareFigure(0.949, 0.9, 'rate', 'higher-is-better');
    expect(change.kind).toBe('points');
    expect(change.kind === 'points' ? change.points : null).toBeCloseTo(4.9, 10);
    expect(change.kind === 'points' ? change.direction : null).toBe('up');
  });

  it('colours by what the change means: a rising reopen rate or waiting time is bad, more reports neither', () => {
    expect(compareFigure(0.08, 0.05, 'rate', 'lower-is-better')).toMatchObject({ direction: 'up', tone: 'bad' });
    expect(compareFigure(30, 60, 'duration', 'lower-is-better')).toMatchObject({ direction: 'down', tone: 'good', ratio: -0.5 });
    expect(compareFigure(200, 100, 'count', 'neutral')).toMatchObject({ direction: 'up', tone: 'neutral' });
  });

  it('says there is nothing to compare when either side is missing', () => {
    expect(compareFigure(12, undefined, 'count', 'neutral')).toEqual({ kind: 'none' });
    expect(compareFigure(0.9, null, 'rate', 'higher-is-better')).toEqual({ kind: 'none' });
    expect(compareFigure(null, 0.9, 'rate', 'higher-is-better')).toEqual({ kind: 'none' });
  });

  it('gives the plain difference for a count up from zero, and flat for zero to zero', () => {
    expect(compareFigure(5, 0, 'count', 'higher-is-better')).toEqual({ kind: 'absolute', direction: 'up', tone: 'good', delta: 5 });
    expect(compareFigure(0, 0, 'count', 'higher-is-better')).toMatchObject({ direction: 'flat', tone: 'neutral' });
  });

  it('reads changes too small to print as flat', () => {
    expect(compareFigure(10_001, 10_000, 'count', 'higher-is-better')).toMatchObject({ direction: 'flat', tone: 'neutral' });
    expect(compareFigure(0.9004, 0.9, 'rate', 'higher-is-better')).toMatchObject({ direction: 'flat' });
  });
});

describe('toneOf', () => {
  it('is good when a figure moves the way its polarity wants', () => {
    expect(toneOf('up', 'higher-is-better')).toBe('good');
    expect(toneOf('down', 'lower-is-better')).toBe('good');
    expect(toneOf('up', 'lower-is-better')).toBe('bad');
    expect(toneOf('flat', 'lower-is-better')).toBe('neutral');
  });
});

describe('formatChange', () => {
  it('prints arrows with a percent for counts and durations', () => {
    expect(formatChange(compareFigure(1380, 1200, 'count', 'neutral'), 'count', 'zh')).toBe('↑ 15.0%');
    expect(formatChange(compareFigure(45, 60, 'duration', 'lower-is-better'), 'duration', 'en')).toBe('↓ 25.0%');
  });

  it('measures a rate change between the rates as shown, to the shown decimal', () => {
    // 30.349% shows as 30.3%, 30.051% as 30.1%: the tiles read 30.3% against 30.1%, so the change is 0.2 points, not 0.3.
    expect(formatChange(compareFigure(0.30349, 0.30051, 'rate', 'higher-is-better'), 'rate', 'en')).toBe('↑ 0.2 pp');
  });

  it('prints percentage points for rates', () => {
    expect(formatChange(compareFigure(0.88, 0.9, 'rate', 'higher-is-better'), 'rate', 'zh')).toBe('↓ 2.0个百分点');
    expect(formatChange(compareFigure(0.949, 0.9, 'rate', 'higher-is-better'), 'rate', 'en')).toBe('↑ 4.9 pp');
  });

  it('says 无同期数据 / no data without a baseline', () => {
    expect(formatChange({ kind: 'none' }, 'count', 'zh')).toBe('无同期数据');
    expect(formatChange({ kind: 'none' }, 'rate', 'en')).toBe('no data');
  });

  it('prints flat and a count up from zero in words a leader reads', () => {
    expect(formatChange(compareFigure(7, 7, 'count', 'neutral'), 'count', 'zh')).toBe('→ 持平');
    expect(formatChange(compareFigure(5, 0, 'count', 'neutral'), 'count', 'zh')).toBe('↑ 5件');
    expect(formatChange(compareFigure(90, 0, 'duration', 'lower-is-better'), 'duration', 'en')).toBe('↑ 1.5 h');
  });
});
