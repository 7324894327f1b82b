import { describe, expect, it } from '@jest/globals';
import { WALL_CANVASES, type WallCanvasName } from '@grid-command/contracts';
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

describe('fitStage on a video wall', () => {
  const wall = (name: WallCanvasName) => WALL_CANVASES[name];

  it.each([
    ['16:9', 1920, 1080],
    ['32:9', 3840, 1080],
    ['48:9', 5760, 1080],
    ['2x2', 3840, 2160],
  ] as const)('fills a %s wall of its own size exactly, without bands', (name, width, height) => {
    expect(fitStage(width, height, wall(name))).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  it('fills a 48:9 wall driven at half resolution at half scale', () => {
    expect(fitStage(2880, 540, wall('48:9'))).toEqual({ scale: 0.5, offsetX: 0, offsetY: 0 });
  });

  it('fills a 2×2 wall of 4K screens at twice the scale', () => {
    expect(fitStage(7680, 4320, wall('2x2'))).toEqual({ scale: 2, offsetX: 0, offsetY: 0 });
  });

  it('letterboxes a 48:9 layout on a single 1080p screen instead of stretching it', () => {
    const fit = fitStage(1920, 1080, wall('48:9'));
    expect(fit.scale).toBe(1 / 3);
    expect(fit).toMatchObject({ offsetX: 0, offsetY: 360 });
  });

  it('pillarboxes a 16:9 layout on a 48:9 wall: the middle screen, as before video-wall layouts', () => {
    expect(fitStage(5760, 1080)).toEqual({ scale: 1, offsetX: 1920, offsetY: 0 });
  });

  it('pillarboxes a 32:9 layout on a 48:9 wall with equal bands', () => {
    expect(fitStage(5760, 1080, wall('32:9'))).toEqual({ scale: 1, offsetX: 960, offsetY: 0 });
  });

  it('letterboxes a 2×2 layout on a 32:9 wall', () => {
    const fit = fitStage(3840, 1080, wall('2x2'));
    expect(fit.scale).toBe(0.5);
    expect(fit).toMatchObject({ offsetX: 960, offsetY: 0 });
  });
});
