import { describe, expect, it } from '@jest/globals';
import { parseCliOptions } from './cli-options';

const INGEST_KEY = 'gck_sim_0123456789abcdef';
const CREDENTIALS = { GRID_COMMAND_INGEST_KEY: INGEST_KEY, GRID_COMMAND_USERNAME: 'sim-duty', GRID_COMMAND_PASSWORD: 'correct horse battery' };

function run(argv: string[], env: Record<string, string> = {}): ReturnType<typeof parseCliOptions> {
  return parseCliOptions(argv, { ...CREDENTIALS, ...env });
}

describe('parseCliOptions', () => {
  it('has defaults for a district wall demo', () => {
    const parsed = run([]);
    expect(parsed.kind).toBe('run');
    if (parsed.kind !== 'run') return;
    expect(parsed.options).toMatchObject({
      url: 'http://127.0.0.1:3000',
      rate: 20,
      scale: 1,
      campaign: 0,
      campaignDays: 0,
      profile: 'diurnal',
      bursts: 'wall',
      durationSeconds: null,
      referencePath: 'reference/demo-district.json',
      batch: 1,
      concurrency: 8,
      resendShare: 0.01,
      tickets: true,
      dutyOfficer: false,
      backfillDays: 0,
      historySeed: 450_103,
      slaPolicyPath: 'config/sla-policy.json',
      workCalendarPath: 'config/work-calendar.json',
    });
    expect(Number.isInteger(parsed.options.seed)).toBe(true);
  });

  it('takes a campaign and the days of history it already ran, and refuses campaign days without a campaign', () => {
    expect(run(['--campaign', '7', '--campaign-days', '2', '--backfill-days', '14', '--backfill-volume', '720'])).toMatchObject({ kind: 'run', options: { campaign: 7, campaignDays: 2, backfillDays: 14 } });
    const refused = run(['--campaign-days', '2']);
    expect(refused.kind).toBe('error');
    if (refused.kind === 'error') expect(refused.message).toMatch(/^--campaign-days 2: needs --campaign/);
    expect(run(['--campaign', '21'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--campaign "21" (or SIMULATOR_CAMPAIGN): must be ≤ 20') });
  });

  it('reads flags in both --flag value and --flag=value forms, and lets a flag beat the environment', () => {
    const parsed = run(['--rate', '50', '--duration=30', '--seed', '7', '--profile', 'flat'], { SIMULATOR_RATE: '5', SIMULATOR_BATCH: '100' });
    expect(parsed).toMatchObject({ kind: 'run', options: { rate: 50, durationSeconds: 30, seed: 7, profile: 'flat', batch: 100 } });
  });

  it('names the bad flag and its environment variable', () => {
    const parsed = run(['--rate', 'fast', '--batch', '5000']);
    expect(parsed.kind).toBe('error');
    if (parsed.kind !== 'error') return;
    expect(parsed.message).toContain('--rate "fast" (or SIMULATOR_RATE): must be a number > 0');
    expect(parsed.message).toContain('--batch "5000" (or SIMULATOR_BATCH): must be ≤ 1000');
    expect(run([], { SIMULATOR_URL: 'ftp://x' })).toMatchObject({ kind: 'error', message: expect.stringContaining('--url') });
  });

  it('takes the ingest key and the user from the variables (or flags), the password only from the environment', () => {
    expect(run([])).toMatchObject({ kind: 'run', options: { ingestKey: INGEST_KEY, user: { username: 'sim-duty', password: 'correct horse battery' } } });
    expect(run(['--ingest-key', 'gck_flag_0123456789abcdef', '--username', 'demo-duty'])).toMatchObject({
      kind: 'run',
      options: { ingestKey: 'gck_flag_0123456789abcdef', user: { username: 'demo-duty' } },
    });
    expect(run(['--password', 'x'])).toMatchObject({ kind: 'error', message: expect.stringContaining("'--password'") });
  });

  it('refuses to start without an ingest key, says how to get one, and never echoes a key', () => {
    const missing = parseCliOptions([], {});
    expect(missing).toMatchObject({ kind: 'error', message: expect.stringContaining('--ingest-key (or GRID_COMMAND_INGEST_KEY): required') });
    expect(missing).toMatchObject({ message: expect.stringContaining('POST /api/v1/ingest-keys') });
    const malformed = run([], { GRID_COMMAND_INGEST_KEY: 'secret key' });
    expect(malformed.kind).toBe('error');
    expect(malformed.kind === 'error' ? malformed.message : '').not.toContain('secret');
  });

  it('needs a user to read tickets or act as the duty desk, and its password', () => {
    const keyOnly = { GRID_COMMAND_USERNAME: '', GRID_COMMAND_PASSWORD: '' };
    expect(parseCliOptions(['--tickets', 'off'], { GRID_COMMAND_INGEST_KEY: INGEST_KEY })).toMatchObject({ kind: 'run', options: { user: null } });
    expect(parseCliOptions([], { GRID_COMMAND_INGEST_KEY: INGEST_KEY })).toMatchObject({ kind: 'error', message: expect.stringContaining('--username (or GRID_COMMAND_USERNAME): required by --tickets on') });
    expect(parseCliOptions(['--tickets', 'off', '--duty-officer', 'on'], { GRID_COMMAND_INGEST_KEY: INGEST_KEY })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('required by --duty-officer on'),
    });
    expect(run(['--username', 'demo-duty'], { ...keyOnly })).toMatchObject({ kind: 'error', message: expect.stringContaining('set GRID_COMMAND_PASSWORD') });
  });

  it('rejects unknown flags and answers --help with every flag', () => {
    expect(run(['--rat', '5'])).toMatchObject({ kind: 'error', message: expect.stringContaining("'--rat'") });
    const help = run(['--help']);
    expect(help.kind).toBe('help');
    if (help.kind !== 'help') return;
    for (const flag of [
      '--url', '--rate', '--scale', '--profile', '--duration', '--reference', '--batch', '--concurrency', '--seed', '--resend', '--progress',
      '--tickets', '--backfill-days', '--backfill-volume', '--sla-policy', '--work-calendar', '--bursts', '--duty-officer', '--ingest-key', '--username',
    ]) {
      expect(help.text).toContain(flag);
    }
  });

  it('backfills at the live daily volume unless told otherwise, and refuses a volume no demo could wait for', () => {
    expect(run(['--backfill-days', '7', '--rate', '0.05'])).toMatchObject({ kind: 'run', options: { backfillDays: 7, backfillVolume: 4_320 } });
    expect(run(['--backfill-days=2', '--backfill-volume', '900', '--seed', '4'])).toMatchObject({
      kind: 'run',
      options: { backfillDays: 2, backfillVolume: 900, historySeed: 4, seed: 4 },
    });
    const tooMuch = run(['--backfill-days', '7']);
    expect(tooMuch).toMatchObject({ kind: 'error', message: expect.stringContaining('--backfill-days 7: at --rate 20 × --scale 1 a day holds 1728000 reports') });
    expect(run(['--backfill-days', '32'])).toMatchObject({ kind: 'error', message: expect.stringContaining('must be ≤ 31') });
    expect(run(['--backfill-days', '1.5'])).toMatchObject({ kind: 'error', message: expect.stringContaining('must be an integer') });
    expect(run(['--tickets', 'maybe'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--tickets "maybe" (or SIMULATOR_TICKETS): must be on or off') });
  });

  it('takes the demo\'s bursts and duty officer, and refuses other values', () => {
    expect(run(['--bursts', 'district', '--duty-officer', 'on'])).toMatchObject({ kind: 'run', options: { bursts: 'district', dutyOfficer: true } });
    expect(run(['--bursts', 'often'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--bursts "often" (or SIMULATOR_BURSTS): must be wall, district or off') });
    expect(run(['--duty-officer', 'yes'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--duty-officer "yes" (or SIMULATOR_DUTY_OFFICER): must be on or off') });
  });

  it('names the environment variables of hyphenated flags with underscores', () => {
    expect(run([], { SIMULATOR_BACKFILL_DAYS: '3', SIMULATOR_BACKFILL_VOLUME: '500', SIMULATOR_TICKETS: 'off' })).toMatchObject({
      kind: 'run',
      options: { backfillDays: 3, backfillVolume: 500, tickets: false },
    });
  });
});
