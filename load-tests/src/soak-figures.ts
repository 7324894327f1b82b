/** One reading of the wall's page over CDP (`Performance.getMetrics`). */
export interface SoakSample {
  /** Minutes since the wall was opened. */
  readonly minute: number;
  readonly heapUsedMb: number;
  readonly nodes: number;
  readonly listeners: number;
}

export interface SeriesFigures {
  readonly start: number;
  readonly end: number;
  readonly max: number;
}

export interface SoakFigures {
  readonly samples: number;
  readonly minutes: number;
  readonly warmUpMinutes: number;
  /** The least-squares slope of the heap after the warm-up, MB per hour; null with fewer than two samples after it. */
  readonly heapMbPerHour: number | null;
  /** Start is the first sample after the warm-up: what the page settles at, before any leak could show. */
  readonly heapMb: SeriesFigures;
  readonly nodes: SeriesFigures;
  readonly listeners: SeriesFigures;
}

/** The soak's figures from its samples (oldest first), judging growth only after `warmUpMinutes`. */
export function soakFigures(samples: readonly SoakSample[], warmUpMinutes: number): SoakFigures {
  const settled = samples.filter((sample) => sample.minute >= warmUpMinutes);
  const basis = settled.length > 0 ? settled : samples;
  const series = (pick: (sample: SoakSample) => number): SeriesFigures => ({
    start: basis.length === 0 ? 0 : pick(basis[0] as SoakSample),
    end: basis.length === 0 ? 0 : pick(basis[basis.length - 1] as SoakSample),
    max: basis.reduce((max, sample) => Math.max(max, pick(sample)), 0),
  });
  return {
    samples: samples.length,
    minutes: samples.at(-1)?.minute ?? 0,
    warmUpMinutes,
    heapMbPerHour: slopePerHour(settled),
    heapMb: series((sample) => sample.heapUsedMb),
    nodes: series((sample) => sample.nodes),
    listeners: series((sample) => sample.listeners),
  };
}

function slopePerHour(samples: readonly SoakSample[]): number | null {
  if (samples.length < 2) return null;
  const meanX = samples.reduce((sum, sample) => sum + sample.minute, 0) / samples.length;
  const meanY = samples.reduce((sum, sample) => sum + sample.heapUsedMb, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.minute - meanX) * (sample.heapUsedMb - meanY);
    variance += (sample.minute - meanX) ** 2;
  }
  return variance === 0 ? null : (covariance / variance) * 60;
}

export function renderSoakMarkdown(
  figures: SoakFigures,
  context: { readonly measuredAt: string; readonly host: string; readonly feed: string; readonly sampleSeconds: number; readonly note: string },
): string {
  const row = (name: string, series: SeriesFigures, digits = 0) => `| ${name} | ${series.start.toFixed(digits)} | ${series.end.toFixed(digits)} | ${series.max.toFixed(digits)} |`;
  return [
    '# Wall soak',
    '',
    `Measured ${context.measuredAt} on ${context.host}: the built server with ${context.feed}, the leader wall in headless Chromium on a display token, sampled over CDP (Performance.getMetrics) every ${context.sampleSeconds} s for ${figures.minutes.toFixed(0)} minutes (${figures.samples} samples; growth judged after a ${figures.warmUpMinutes}-minute warm-up).`,
    '',
    `**Heap growth after warm-up: ${figures.heapMbPerHour === null ? 'not measured (too few samples)' : `${figures.heapMbPerHour.toFixed(2)} MB/h`}**`,
    '',
    '| after warm-up | start | end | max |',
    '| --- | ---: | ---: | ---: |',
    row('JS heap used (MB)', figures.heapMb, 1),
    row('DOM nodes', figures.nodes),
    row('JS event listeners', figures.listeners),
    '',
    context.note,
    '',
  ].join('\n');
}
