import type { CanvasSize } from '@grid-command/contracts';

/**
 * A wall is designed at its layout's canvas size (one 1080p screen unless the layout says otherwise: 32:9, 48:9, 2×2)
 * and scaled as a whole to whatever shows it.
 */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
export const DEFAULT_DESIGN: CanvasSize = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT };

export interface StageFit {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/**
 * Largest uniform scale that fits the design into the viewport, centred; the leftover band on one axis is the
 * letterbox. Never stretched: a screen of another shape than the design gets bands, not distorted panels.
 */
export function fitStage(viewportWidth: number, viewportHeight: number, design: CanvasSize = DEFAULT_DESIGN): StageFit {
  if (viewportWidth <= 0 || viewportHeight <= 0) return { scale: 1, offsetX: 0, offsetY: 0 };
  const scale = Math.min(viewportWidth / design.width, viewportHeight / design.height);
  return {
    scale,
    offsetX: Math.round((viewportWidth - design.width * scale) / 2),
    offsetY: Math.round((viewportHeight - design.height * scale) / 2),
  };
}

const RATIO_STEP = 0.25;

/**
 * Canvas pixels per design pixel, so charts draw at the screen's real resolution after the stage is scaled
 * instead of being stretched as a bitmap. Rounded up to a quarter so a window nudged by a few pixels does not
 * re-create every chart; never below 1 so small previews stay sharp.
 */
export function chartPixelRatio(devicePixelRatio: number, stageScale: number): number {
  const exact = devicePixelRatio * stageScale;
  if (!Number.isFinite(exact) || exact <= 0) return 1;
  return Math.max(1, Math.ceil(exact / RATIO_STEP - 1e-9) * RATIO_STEP);
}
