/**
 * Counts the frames the browser paints (requestAnimationFrame) so the wall can report its frame rate: a page whose
 * main thread is choked by a leak or a runaway chart paints few. One callback per frame, nothing else.
 */
export class FrameRateMeter {
  private frames = 0;
  private sinceMs: number;
  private handle: number | null = null;

  constructor(private readonly window: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'performance'>) {
    this.sinceMs = window.performance.now();
  }

  start(): void {
    if (this.handle !== null) return;
    const tick = (): void => {
      this.frames += 1;
      this.handle = this.window.requestAnimationFrame(tick);
    };
    this.handle = this.window.requestAnimationFrame(tick);
  }

  stop(): void {
    if (this.handle !== null) this.window.cancelAnimationFrame(this.handle);
    this.handle = null;
  }

  /** Frames per second since the last call (null over less than a second), and starts counting afresh. */
  take(): number | null {
    const nowMs = this.window.performance.now();
    const elapsedMs = nowMs - this.sinceMs;
    if (elapsedMs < 1000) return null;
    const fps = (this.frames * 1000) / elapsedMs;
    this.frames = 0;
    this.sinceMs = nowMs;
    return Math.round(fps * 10) / 10;
  }
}
