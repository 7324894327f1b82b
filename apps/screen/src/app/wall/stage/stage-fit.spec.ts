import { describe, expect, it } from '@jest/globals';
import { chartPixelRatio, fitStage } from './stage-fit';

describe('fitStage', () => {
  it('fills a 16:9 screen exactly', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
    expect(fitStage(3840, 2160)).toEqual({ scale: 2, offsetX: 0, offsetY: 0 });
    expect(fitStage(1280, 720)).toEqual({ scale: 2 / 3, offsetX: 0, offsetY: 0 });
  });

  it('letterboxes a taller window with bands above and below', () => {
    const fit = fitStage(1920, 1200);
    expect(fit.scale).toBe(1);
    expect(fit).toMatchObject({ offsetX: 0, offsetY: 60 });
  });

  it('pillarboxes a wider window with bands left and right', () => {
    const fit = fitStage(2560, 1080);
    expect(fit.scale).toBe(1);
    expect(fit).toMatchObject({ offsetX: 320, offsetY: 0 });
  });

  it('survives a window that has no size yet', () => {
    expect(fitStage(0, 0)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });
});

describe('chartPixelRatio', () => {
  it('matches the screen when a 1080p wall is shown on a 4K panel', () => {
    expect(chartPixelRatio(1, 2)).toBe(2);
    expect(chartPixelRatio(2, 2)).toBe(4);
  });

  it('rounds up to a quarter so the charts are never blurrier than the screen', () => {
    expect(chartPixelRatio(1, 1.3)).toBe(1.5);
    expect(chartPixelRatio(1.25, 1)).toBe(1.25);
  });

  it('never drops below 1', () => {
    expect(chartPixelRatio(1, 0.5)).toBe(1);
    expect(chartPixelRatio(Number.NaN, 1)).toBe(1);
  });
});
