export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  /** null when the figure is missing (phase skipped or timed out). */
  readonly pass: boolean | null;
  /** Correctness targets fail the bench; speed targets only report. */
  readonly kind: 'correctness' | 'speed';
}
