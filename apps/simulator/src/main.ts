import type { Report, Severity } from '@grid-command/contracts';
import { AccessSession } from './auth/access-session';
import { fixedBearer, type BearerSource } from './auth/bearer';
import { ingestKeyProblem, userProblem } from './auth/credential-checks';
import { whoAmI } from './auth/whoami';
import { formatBackfillSummary, backfillErrorsOf, runBackfill } from './backfill/backfill';
import { readCliOptions, type CliOptions } from './cli-options';
import { DutyOfficer, formatDutySummary } from './duty/duty-officer';
import { DEFAULT_DUTY_SETTINGS } from './duty/duty-plan';
import { BURST_PRESETS, BurstSchedule } from './feed/bursts';
import { DistrictModel } from './feed/district-model';
import { createRandom } from './feed/prng';
import { ReportFeed } from './feed/report-feed';
import { loadReferenceFile } from './reference-loader';
import { IngestClient } from './run/ingest-client';
import { DEFAULT_RETRY_POLICY } from './run/retry-policy';
import { formatSummary, isClean } from './run/run-stats';
import { Simulation } from './run/simulation';
import { CAMPAIGN_LIFECYCLE, EVERYDAY_LIFECYCLE, planTicketLifecycle, ticketRandom, type Deadlines, type LifecycleProfile } from './tickets/lifecycle';
import { loadDeadlines } from './tickets/sla-deadlines';
import { TicketClient } from './tickets/ticket-client';
import { DEFAULT_PLAYER_SETTINGS, eventErrorsOf, formatPlayerSummary, TicketPlayer } from './tickets/ticket-player';

/** Each concern draws from its own stream, so e.g. server timing (resends, jitter) never shifts the feed. */
function streams(seed: number): { bursts: number; feed: number; client: number; tickets: number; duty: number } {
  return { bursts: (seed + 1) >>> 0, feed: (seed + 2) >>> 0, client: (seed + 3) >>> 0, tickets: (seed + 4) >>> 0, duty: (seed + 5) >>> 0 };
}

/** Live tickets get their plan the moment the API acknowledges the report. */
function planLive(player: TicketPlayer, seed: number, deadlines: Deadlines, profile: LifecycleProfile) {
  return (reports: readonly Report[]): void => {
    for (const report of reports) {
      const origin = { ...report, severity: report.severity as Severity, reportedAtMs: Date.parse(report.reportedAt) };
      player.hand(report.id, planTicketLifecycle(origin, ticketRandom(seed, report.id), deadlines, profile).events);
    }
  };
}

interface Credentials {
  readonly ingestKey: BearerSource;
  /** The name the server records on what the key posts. */
  readonly keyName: string;
  /** The signed-in user's access token, renewed as it runs out; only when `--username` was needed. */
  readonly user: BearerSource | null;
}

/**
 * Checks both credentials against the server before anything is sent (the key covers the district, the user may
 * read it and, for the desk, act on it), so a wrong one stops the run with its reason, exit code 2.
 */
async function signIn(options: CliOptions, districtScope: string): Promise<Credentials | string> {
  const ingestKey = fixedBearer(options.ingestKey);
  const holder = await whoAmI(options.url, ingestKey).catch((error: unknown) => `the ingest key was refused: ${error instanceof Error ? error.message : String(error)}`);
  if (typeof holder === 'string') return holder;
  const keyProblem = ingestKeyProblem(holder, districtScope);
  if (keyProblem !== null) return keyProblem;
  if (options.user === null) return { ingestKey, keyName: holder.name, user: null };
  const session = new AccessSession(options.url, options.user.username, options.user.password);
  const tokens = await session.start().catch((error: unknown) => `could not sign in: ${error instanceof Error ? error.message : String(error)}`);
  if (typeof tokens === 'string') return tokens;
  const problem = userProblem(tokens.user, districtScope, options.dutyOfficer);
  return problem ?? { ingestKey, keyName: holder.name, user: session.bearer };
}

async function simulate(options: CliOptions): Promise<number> {
  const reference = await loadReferenceFile(options.referencePath);
  const deadlines = options.tickets ? await loadDeadlines(options.slaPolicyPath, options.workCalendarPath) : null;
  const seeds = streams(options.seed);
  // Hot spots are the district's, not the run's: the live feed and the backfilled history share them.
  const district = new DistrictModel(reference, createRandom(options.historySeed));
  const districtScope = `district:${district.grids[0]?.code.slice(0, 6) ?? ''}`;
  const credentials = await signIn(options, districtScope);
  if (typeof credentials === 'string') {
    console.error(credentials);
    return 2;
  }
  const { ingestKey, user } = credentials;
  // The options guarantee a user whenever tickets are read or the desk acts; this only narrows the type.
  const reader = (): BearerSource => {
    if (user === null) throw new Error('no user signed in');
    return user;
  };
  const rate = options.rate * options.scale;
  const bursts = new BurstSchedule(district, createRandom(seeds.bursts), Date.now(), BURST_PRESETS[options.bursts], rate);
  const feed = new ReportFeed(district, bursts, createRandom(seeds.feed), options.profile, options.campaign);
  console.log(
    `simulating ${district.grids.length} grids of ${options.referencePath} → ${options.url}: ` +
      `${rate}/s (${options.profile}, ×${feed.rateFactor(Date.now()).toFixed(2)} at this hour${options.campaign > 0 ? ` with a ×${1 + options.campaign} campaign` : ''}, ${options.bursts} bursts), batch ≤ ${options.batch}, ${options.concurrency} connections, seed ${options.seed}` +
      (options.durationSeconds === null ? ', until Ctrl-C' : `, for ${options.durationSeconds} s`) +
      (options.tickets ? '; ticket workflows on' : '; ticket workflows off') +
      (options.dutyOfficer ? '; duty officer on' : '') +
      `; reporting as "${credentials.keyName}"`,
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

  const player =
    deadlines === null
      ? null
      : new TicketPlayer(
          { ...DEFAULT_PLAYER_SETTINGS, concurrency: options.concurrency, ownName: credentials.keyName },
          { sender: new TicketClient(options.url, { events: ingestKey, reads: reader() }), random: createRandom(seeds.tickets), now: Date.now, log: (line) => console.log(line) },
        );

  let backfillErrors = 0;
  if (options.backfillDays > 0) {
    console.log(
      `backfilling ${options.backfillDays} days ending now at ${options.backfillVolume} reports a day` +
        (options.campaignDays > 0 ? ` (×${1 + options.campaign} on the last ${options.campaignDays}: the campaign)` : '') +
        ` (history seed ${options.historySeed})` +
        (player ? ', then their past ticket events, one request per ticket' : ''),
    );
    const summary = await runBackfill(
      {
        days: options.backfillDays,
        dailyVolume: options.backfillVolume,
        campaign: { boost: options.campaign, days: options.campaignDays },
        seed: options.historySeed,
        batchSize: 1_000,
        concurrency: Math.min(options.concurrency, 4),
        retry: DEFAULT_RETRY_POLICY,
        storeTimeoutMs: 60_000,
        progressEveryMs: options.progressSeconds * 1_000,
      },
      {
        district,
        reports: new IngestClient(options.url, ingestKey, 60_000),
        tickets: player && deadlines ? { player, deadlines, client: new TicketClient(options.url, { events: ingestKey, reads: reader() }) } : null,
        random: createRandom(seeds.client),
        now: Date.now,
        log: (line) => console.log(line),
      },
      stop.signal,
    );
    console.log(formatBackfillSummary(summary));
    backfillErrors = backfillErrorsOf(summary);
  }
  player?.start();
  const duty = options.dutyOfficer
    ? new DutyOfficer(
        { baseUrl: options.url, scope: districtScope, pollMs: 10_000, duty: DEFAULT_DUTY_SETTINGS },
        { bearer: reader(), tickets: new TicketClient(options.url, { events: reader(), reads: reader() }), random: createRandom(seeds.duty), now: Date.now, log: (line) => console.log(line) },
      )
    : null;
  duty?.start();

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
    {
      feed,
      sender: new IngestClient(options.url, ingestKey),
      random: createRandom(seeds.client),
      now: Date.now,
      log: (line) => console.log(line),
      ...(player && deadlines ? { onAcknowledged: planLive(player, options.seed, deadlines, options.campaign > 0 ? CAMPAIGN_LIFECYCLE : EVERYDAY_LIFECYCLE), progressSuffix: () => player.progress() } : {}),
    },
  );
  const summary = stop.signal.aborted ? null : await simulation.run(stop.signal);
  const dutyTotals = duty ? await duty.stop() : null;
  const played = player ? await player.stop(10_000) : null;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (summary) console.log(formatSummary(summary));
  if (played) console.log(formatPlayerSummary(played));
  if (dutyTotals) console.log(formatDutySummary(dutyTotals));
  const clean = (summary === null || isClean(summary)) && backfillErrors === 0 && (played === null || eventErrorsOf(played.totals) === 0);
  return clean ? 0 : 1;
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
