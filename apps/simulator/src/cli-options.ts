import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MAX_REPORTS_PER_REQUEST } from '@grid-command/contracts';
import { z } from 'zod';
import { BURST_PRESETS, type BurstPreset } from './feed/bursts';
import type { RateProfile } from './feed/report-feed';

/** A user the simulator signs in as, to read tickets and, as the duty desk, to act on alerts. */
export interface UserCredentials {
  readonly username: string;
  readonly password: string;
}

export interface CliOptions {
  readonly url: string;
  /** Bearer of every report and of the ticket events the feed plays: its scope must cover the district. */
  readonly ingestKey: string;
  /** Needed to read tickets (`--tickets on`) and to act as the duty desk (`--duty-officer on`, as a duty officer). */
  readonly user: UserCredentials | null;
  readonly rate: number;
  readonly scale: number;
  /** Campaign patrols on top of the everyday feed, as a multiple of it (0: an everyday district). */
  readonly campaign: number;
  /** How many of the last backfilled days the campaign was already on. */
  readonly campaignDays: number;
  readonly profile: RateProfile;
  readonly bursts: BurstPreset;
  readonly durationSeconds: number | null;
  readonly referencePath: string;
  readonly batch: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly resendShare: number;
  readonly progressSeconds: number;
  /** Play each report's ticket workflow (派单, 签收, 办结, 验单…) through the events API. */
  readonly tickets: boolean;
  /** Act on alerts as a duty officer would: acknowledge, dispatch, 报到, close; leave some alone. */
  readonly dutyOfficer: boolean;
  readonly backfillDays: number;
  /** Reports per day in the backfilled history. */
  readonly backfillVolume: number;
  /**
   * Seeds the district's heat and its backfilled history: `--seed` when given, else a fixed one, so the hot spots
   * stay put across runs and a second backfill writes the same reports and events (answered as duplicates).
   */
  readonly historySeed: number;
  readonly slaPolicyPath: string;
  readonly workCalendarPath: string;
}

/** The district's heat and history seed when `--seed` is not given. */
export const DEFAULT_HISTORY_SEED = 450_103;
/** One request per ticket and a few reports each second: beyond this a backfill takes longer than a demo should wait. */
export const MAX_BACKFILL_VOLUME = 200_000;
const SECONDS_PER_DAY = 86_400;

export type CliParse =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

const number = (what: string): z.ZodCoercedNumber => z.coerce.number({ error: `must be ${what}` });

/** Where the password comes from: the environment only, so it never shows in the process list as a flag would. */
export const PASSWORD_VARIABLE = 'GRID_COMMAND_PASSWORD';
const HOW_TO_GET_A_KEY = 'an admin creates one: npm run admin -- key:create --name <source> --scope district:<code>, or POST /api/v1/ingest-keys';

/** Every flag once: its schema (default included), its value name and its help line, so --help cannot drift. */
const FLAGS = {
  url: { schema: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('http://127.0.0.1:3000'), value: 'URL', help: 'base URL of the grid-command API' },
  'ingest-key': {
    schema: z.string({ error: `required (${HOW_TO_GET_A_KEY})` }).regex(/^[\x21-\x7e]{16,2048}$/, 'must be an ingest key as the API issued it'),
    value: 'KEY',
    help: 'ingest key for the reports and ticket events; its scope must cover the district played (prefer the variable: a flag shows in ps)',
    env: 'GRID_COMMAND_INGEST_KEY',
  },
  username: {
    schema: z.string().min(1, 'must name a user').optional(),
    value: 'NAME',
    help: `user to read tickets as (--tickets on) and to act as the duty desk (--duty-officer on: a duty officer of the district); password from ${PASSWORD_VARIABLE}`,
    env: 'GRID_COMMAND_USERNAME',
  },
  rate: { schema: number('a number > 0').positive('must be > 0').max(1_000_000, 'must be ≤ 1000000').default(20), value: 'N', help: 'mean reports per second over a day (default 20: a lively district wall)' },
  scale: { schema: number('a number > 0').positive('must be > 0').max(1_000, 'must be ≤ 1000').default(1), value: 'X', help: 'multiply the rate, as a campaign does (创城, flood season: 3–10)' },
  campaign: {
    schema: number('a number in [0, 20]').min(0, 'must be ≥ 0').max(20, 'must be ≤ 20').default(0),
    value: 'X',
    help: '创城 campaign: patrols file X times the everyday volume again, in what inspectors check (sanitation, parking, facilities, clutter); emergencies stay at the everyday rate (default 0: none)',
  },
  'campaign-days': {
    schema: number('an integer').int('must be an integer').min(0, 'must be ≥ 0').max(31, 'must be ≤ 31').default(0),
    value: 'N',
    help: 'the campaign began N days ago: the last N backfilled days carry it too, so volume baselines already hold campaign days (default 0)',
  },
  profile: { schema: z.enum(['diurnal', 'flat'], { error: 'must be diurnal or flat' }).default('diurnal'), value: 'P', help: 'diurnal follows the hour of day in Asia/Shanghai; flat holds the rate (stress runs)' },
  bursts: {
    schema: z.enum(Object.keys(BURST_PRESETS) as [BurstPreset, ...BurstPreset[]], { error: 'must be wall, district or off' }).default('wall'),
    value: 'wall|district|off',
    help: 'local spikes: wall (every few minutes, +30 % for a few minutes; default), district (about hourly, ~14 reports in one community: trips the spike alerts at any rate), off',
  },
  duration: { schema: number('a number of seconds > 0').positive('must be > 0').optional(), value: 'S', help: 'stop after S seconds (default: run until Ctrl-C / SIGTERM)' },
  reference: { schema: z.string().min(1, 'must name a file').default('reference/demo-district.json'), value: 'FILE', help: 'district reference file the grid codes come from' },
  batch: {
    schema: number('an integer').int('must be an integer').min(1, 'must be ≥ 1').max(MAX_REPORTS_PER_REQUEST, `must be ≤ ${MAX_REPORTS_PER_REQUEST}`).default(1),
    value: 'N',
    help: 'most reports per request (default 1, like a phone; 100 like an IoT gateway)',
  },
  concurrency: { schema: number('an integer').int('must be an integer').min(1, 'must be ≥ 1').max(256, 'must be ≤ 256').default(8), value: 'N', help: 'most requests in flight at once' },
  seed: { schema: number('an integer').int('must be an integer').min(0, 'must be ≥ 0').max(2 ** 32 - 1, 'must be < 2^32').optional(), value: 'N', help: 'replay the same bursts and report ids (default: random, printed at start); also fixes heat and history' },
  resend: { schema: number('a share in [0, 0.5]').min(0, 'must be ≥ 0').max(0.5, 'must be ≤ 0.5').default(0.01), value: 'SHARE', help: 'share of acknowledged requests sent again on purpose (idempotency; default 0.01)' },
  progress: { schema: number('a number of seconds > 0').positive('must be > 0').default(5), value: 'S', help: 'seconds between progress lines' },
  tickets: {
    schema: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
    value: 'on|off',
    help: "play each report's workflow (派单 签收 办结 验单, some 吹哨 挂起 重办) as its events come due (default on)",
  },
  'duty-officer': {
    schema: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
    value: 'on|off',
    help: 'act on alerts like a duty officer after realistic delays (acknowledge, dispatch, 报到, close), leaving some alone (default off)',
  },
  'backfill-days': {
    schema: number('an integer').int('must be an integer').min(0, 'must be ≥ 0').max(31, 'must be ≤ 31').default(0),
    value: 'N',
    help: 'first write N days of history ending now (reports and their past events), then play live',
  },
  'backfill-volume': {
    schema: number('an integer').int('must be an integer').min(1, 'must be ≥ 1').max(MAX_BACKFILL_VOLUME, `must be ≤ ${MAX_BACKFILL_VOLUME}`).optional(),
    value: 'N',
    help: 'reports per backfilled day (default: rate × scale × 86400, so today matches the days before it)',
  },
  'sla-policy': { schema: z.string().min(1, 'must name a file').default('config/sla-policy.json'), value: 'FILE', help: "the server's SLA policy, so on-time tickets are on time there" },
  'work-calendar': { schema: z.string().min(1, 'must name a file').default('config/work-calendar.json'), value: 'FILE', help: "the server's working calendar (office hours, holidays, 调休)" },
} as const;

type FlagName = keyof typeof FLAGS;
const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];
/** `SIMULATOR_RATE` for a setting; credentials have the names every grid-command client shares. */
const envName = (flag: FlagName): string => {
  const entry = FLAGS[flag];
  return 'env' in entry ? entry.env : `SIMULATOR_${flag.toUpperCase().replaceAll('-', '_')}`;
};

const optionsSchema = z.strictObject(Object.fromEntries(FLAG_NAMES.map((flag) => [flag, FLAGS[flag].schema])) as { [K in FlagName]: (typeof FLAGS)[K]['schema'] });

export function helpText(): string {
  const rows = FLAG_NAMES.map((flag) => [`  --${flag} ${FLAGS[flag].value}`, FLAGS[flag].help] as const);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    'grid-command simulator: plays a realistic report feed for a district through the public ingest API.',
    '',
    'usage: simulator [options]',
    '',
    ...rows.map(([left, help]) => `${left.padEnd(width)}${help}`),
    `  --help${' '.repeat(width - 8)}show this text`,
    '',
    `Every option can also come from the environment, e.g. ${envName('url')}, ${envName('rate')}, ${envName('ingest-key')}; a flag wins.`,
    `The password of --username comes only from ${PASSWORD_VARIABLE}.`,
    'Prints a progress line every few seconds and a summary at the end; exits 1 if any report was refused, lost or shed,',
    'or any ticket had to be given up (409, 404, 4xx, or 5xx after the last retry).',
  ].join('\n');
}

/** Parses flags, falling back to SIMULATOR_* variables, and names the flag in every error. */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliParse {
  let values: Record<string, unknown>;
  try {
    const options = Object.fromEntries([...FLAG_NAMES.map((flag) => [flag, { type: 'string' as const }]), ['help', { type: 'boolean' as const, short: 'h' }]]);
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values['help'] === true) return { kind: 'help', text: helpText() };

  const fromFlag = (flag: FlagName): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const raw = Object.fromEntries(FLAG_NAMES.map((flag) => [flag, fromFlag(flag) ?? env[envName(flag)]]));
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const flag = String(issue.path[0]) as FlagName;
      // A credential is never echoed, not even a wrong one.
      const shown = raw[flag] === undefined || flag === 'ingest-key' ? '' : ` ${JSON.stringify(raw[flag])}`;
      return `--${flag}${shown} (or ${envName(flag)}): ${issue.message}`;
    });
    return { kind: 'error', message: problems.join('\n') };
  }
  const data = parsed.data;
  const user = userOf(data.username, env[PASSWORD_VARIABLE], data.tickets === 'on', data['duty-officer'] === 'on');
  if (typeof user === 'string') return { kind: 'error', message: user };
  if (data['campaign-days'] > 0 && data.campaign === 0) {
    return { kind: 'error', message: `--campaign-days ${data['campaign-days']}: needs --campaign X (how many times the everyday volume the patrols add)` };
  }
  const backfillVolume = data['backfill-volume'] ?? Math.round(data.rate * data.scale * SECONDS_PER_DAY);
  const campaignDayVolume = data['campaign-days'] > 0 ? backfillVolume * (1 + data.campaign) : backfillVolume;
  if (data['backfill-days'] > 0 && campaignDayVolume > MAX_BACKFILL_VOLUME) {
    return {
      kind: 'error',
      message:
        `--backfill-days ${data['backfill-days']}: at --rate ${data.rate} × --scale ${data.scale}${campaignDayVolume > backfillVolume ? ` and a ×${1 + data.campaign} campaign` : ''} a day holds ${campaignDayVolume} reports, more than ${MAX_BACKFILL_VOLUME} ` +
        'to backfill; pass --backfill-volume N (reports per day) or a lower --rate',
    };
  }
  return {
    kind: 'run',
    options: {
      url: data.url,
      ingestKey: data['ingest-key'],
      user,
      rate: data.rate,
      scale: data.scale,
      campaign: data.campaign,
      campaignDays: data['campaign-days'],
      profile: data.profile,
      bursts: data.bursts,
      durationSeconds: data.duration ?? null,
      referencePath: data.reference,
      batch: data.batch,
      concurrency: data.concurrency,
      seed: data.seed ?? randomInt(2 ** 32 - 1),
      resendShare: data.resend,
      progressSeconds: data.progress,
      tickets: data.tickets === 'on',
      dutyOfficer: data['duty-officer'] === 'on',
      backfillDays: data['backfill-days'],
      backfillVolume,
      historySeed: data.seed ?? DEFAULT_HISTORY_SEED,
      slaPolicyPath: data['sla-policy'],
      workCalendarPath: data['work-calendar'],
    },
  };
}

/** The user to sign in as, null when none is needed, or why the run cannot go ahead. */
function userOf(username: string | undefined, password: string | undefined, tickets: boolean, dutyOfficer: boolean): UserCredentials | null | string {
  if (username === undefined) {
    if (!tickets && !dutyOfficer) return null;
    return `--username (or ${envName('username')}): required by ${dutyOfficer ? '--duty-officer on (a duty officer of the district)' : '--tickets on (a user who reads the district: leader or duty officer)'}; or pass --tickets off`;
  }
  if (password === undefined || password === '') return `--username ${username}: set ${PASSWORD_VARIABLE} to the user's password`;
  return { username, password };
}

/** The one place the simulator reads the process environment. */
export function readCliOptions(): CliParse {
  return parseCliOptions(process.argv.slice(2), process.env);
}
