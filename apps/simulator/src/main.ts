import { readCliOptions, type CliOptions } from './cli-options';
import { BurstSchedule } from './feed/bursts';
import { DistrictModel } from './feed/district-model';
import { createRandom } from './feed/prng';
import { ReportFeed } from './feed/report-feed';
import { loadReferenceFile } from './reference-loader';
import { IngestClient } from './run/ingest-client';
import { DEFAULT_RETRY_POLICY } from './run/retry-policy';
import { formatSummary, isClean } from './run/run-stats';
import { Simulation } from './run/simulation';

/** Each concern draws from its own stream, so e.g. server timing (resends, jitter) never shifts the feed. */
function streams(seed: number): { heat: number; bursts: number; feed: number; client: number } {
  return { heat: seed >>> 0, bursts: (seed + 1) >>> 0, feed: (seed + 2) >>> 0, client: (seed + 3) >>> 0 };
}

async function simulate(options: CliOptions): Promise<number> {
  const reference = await loadReferenceFile(options.referencePath);
  const seeds = streams(options.seed);
  const district = new DistrictModel(reference, createRandom(seeds.heat));
  const feed = new ReportFeed(district, new BurstSchedule(district, createRandom(seeds.bursts), Date.now()), createRandom(seeds.feed), options.profile);
  const rate = options.rate * options.scale;
  console.log(
    `simulating ${district.grids.length} grids of ${options.referencePath} → ${options.url}: ` +
      `${rate}/s (${options.profile}, ×${feed.rateFactor(Date.now()).toFixed(2)} at this hour), batch ≤ ${options.batch}, ${options.concurrency} connections, seed ${options.seed}` +
      (options.durationSeconds === null ? ', until Ctrl-C' : `, for ${options.durationSeconds} s`),
  );

  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    console.log(`${signal}: stopping, delivering what was generated…`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const simulation = new Simulation(
    {
      ratePerSecond: rate,
      durationMs: options.durationSeconds === null ? null : options.durationSeconds * 1_000,
      batchSize: options.batch,
      concurrency: options.concurrency,
      resendShare: options.resendShare,
      progressEveryMs: options.progressSeconds * 1_000,
      retry: DEFAULT_RETRY_POLICY,
      drainTimeoutMs: 10_000,
    },
    { feed, sender: new IngestClient(options.url), random: createRandom(seeds.client), now: Date.now, log: (line) => console.log(line) },
  );
  const summary = await simulation.run(stop.signal);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  console.log(formatSummary(summary));
  return isClean(summary) ? 0 : 1;
}

async function main(): Promise<number> {
  const parsed = readCliOptions();
  switch (parsed.kind) {
    case 'help':
      console.log(parsed.text);
      return 0;
    case 'error':
      console.error(`${parsed.message}\nRun with --help for the options.`);
      return 2;
    case 'run':
      return simulate(parsed.options);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
