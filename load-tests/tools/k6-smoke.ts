/**
 * Runs every bundle in load-tests/dist, two iterations per scenario, in a bare VM context (no Node, no browser
 * globals, like k6) against a fake k6 runtime: proves the bundle links against k6's modules only, its
 * init stage loads and validates the reference, each scenario's function runs without a failed check,
 * what it sends matches the contracts and carries the credential its route needs, and every threshold
 * names a metric that exists; the fake sheds the first post of reports with 503 and Retry-After, and the script
 * must send the same ids again. Then runs each setup() again without credentials (it must abort naming
 * INGEST_KEY) and with an access token in place of the password (it must pass).
 * Needs `--experimental-vm-modules`; run after the bundle target.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { alertRulesFileSchema, slaPolicySchema, workCalendarSchema, type AlertRulesFile } from '@grid-command/contracts';
import { validateReferenceFile, WorkingTime, type TicketRules } from '@grid-command/domain';
import { FAKE_CREDENTIALS, FakeK6, TestAborted } from './fake-k6';

const bundleDir = join(__dirname, '..', 'dist');
const workspace = join(__dirname, '..', '..');
const referencePath = join(workspace, 'reference', 'demo-district.json');

const readConfig = (file: string): unknown => JSON.parse(readFileSync(join(workspace, 'config', file), 'utf8'));

/** The server's default deadlines and calendar, so the fake API opens and moves tickets as the real one does. */
function ticketRules(): TicketRules {
  return { policy: slaPolicySchema.parse(readConfig('sla-policy.json')), workingTime: new WorkingTime(workCalendarSchema.parse(readConfig('work-calendar.json'))) };
}

/** The server's default alert rules, so the fake API raises critical alerts as the real one does. */
function alertRules(): AlertRulesFile {
  return alertRulesFileSchema.parse(readConfig('alert-rules.json'));
}

/** k6's own metrics a threshold may name. */
const BUILTIN_METRICS = new Set(['checks', 'http_req_failed', 'http_req_duration', 'http_reqs', 'dropped_iterations', 'iterations', 'vus', 'data_received', 'data_sent']);

interface Scenario {
  exec?: string;
}

/** What an operator passes with `-e`: every credential a script may need, a user by name and password. */
const FULL_ENV = {
  INGEST_KEY: FAKE_CREDENTIALS.ingestKey,
  USERNAME: FAKE_CREDENTIALS.username,
  PASSWORD: FAKE_CREDENTIALS.password,
  DISPLAY_TOKEN: FAKE_CREDENTIALS.displayToken,
};
const ACCESS_TOKEN_ENV = { INGEST_KEY: FAKE_CREDENTIALS.ingestKey, ACCESS_TOKEN: FAKE_CREDENTIALS.accessToken };

interface Loaded {
  readonly fake: FakeK6;
  readonly namespace: Record<string, unknown>;
}

/** Links and evaluates a bundle (its init stage) in a fresh k6-like context with `env` as `__ENV`. */
async function load(file: string, env: Record<string, string>): Promise<Loaded> {
  const context = vm.createContext(FakeK6.globals(bundleDir, env));
  const fake = new FakeK6(context, bundleDir, validateReferenceFile(JSON.parse(readFileSync(referencePath, 'utf8')), referencePath), ticketRules(), alertRules());
  const stubs = fake.modules();
  const script = new vm.SourceTextModule(readFileSync(join(bundleDir, file), 'utf8'), { context, identifier: file });
  await script.link((specifier) => {
    const exports = stubs[specifier];
    if (!exports) throw new Error(`imports ${specifier}, which k6 does not provide`);
    const module = new vm.SyntheticModule(Object.keys(exports), () => {
      for (const [name, value] of Object.entries(exports)) module.setExport(name, value);
    }, { context, identifier: specifier });
    return module;
  });
  await script.evaluate();
  return { fake, namespace: script.namespace as Record<string, unknown> };
}

/** Runs setup() if the script has one: its data for the scenarios, or the reason it aborted the test. */
function runSetup({ namespace }: Loaded): { data: unknown } | { aborted: string } {
  if (typeof namespace['setup'] !== 'function') return { data: undefined };
  try {
    return { data: (namespace['setup'] as () => unknown)() };
  } catch (error) {
    if (error instanceof TestAborted) return { aborted: error.message };
    throw error;
  }
}

/** setup() without credentials must stop the test naming the variable; with an access token instead of a password it must pass. */
async function credentialProblems(file: string): Promise<string[]> {
  const problems: string[] = [];
  const bare = runSetup(await load(file, {}));
  if (!('aborted' in bare) || !bare.aborted.includes('-e INGEST_KEY')) problems.push(`setup() without credentials did not abort naming INGEST_KEY: ${JSON.stringify(bare)}`);
  const withToken = await load(file, ACCESS_TOKEN_ENV);
  const tokenSetup = runSetup(withToken);
  if ('aborted' in tokenSetup) problems.push(`setup() with -e ACCESS_TOKEN aborted: ${tokenSetup.aborted}`);
  problems.push(...withToken.fake.problems.map((problem) => `with -e ACCESS_TOKEN: ${problem}`));
  return problems;
}

async function smoke(file: string): Promise<string[]> {
  const loaded = await load(file, FULL_ENV);
  const { fake, namespace } = loaded;
  const options = namespace['options'] as { scenarios?: Record<string, Scenario>; thresholds?: Record<string, unknown> } | undefined;
  const problems: string[] = [];
  const scenarios = Object.entries(options?.scenarios ?? {});
  if (scenarios.length === 0) problems.push('exports no scenarios');
  const setup = runSetup(loaded);
  if ('aborted' in setup) problems.push(`setup() aborted the test: ${setup.aborted}`);
  const data = 'data' in setup ? setup.data : undefined;
  // k6 runs no scenario after setup() aborted.
  for (const [name, scenario] of 'aborted' in setup ? [] : scenarios) {
    const run = namespace[scenario.exec ?? 'default'];
    if (typeof run !== 'function') {
      problems.push(`scenario ${name} runs ${scenario.exec ?? 'default'}, which is not exported`);
      continue;
    }
    // Twice, so that a batch the fake refused with Retry-After in the first iteration is sent again in the second.
    for (let iteration = 0; iteration < 2; iteration += 1) {
      (run as (data: unknown) => void)(data);
      fake.drain();
    }
  }
  if (fake.backpressure.state === 'refused') problems.push(`reports refused with 503 and Retry-After were never sent again with the same ids (${fake.backpressure.ids.length} ids)`);
  for (const metric of Object.keys(options?.thresholds ?? {})) {
    const name = metric.split('{')[0] ?? metric;
    if (!BUILTIN_METRICS.has(name) && !fake.metrics.has(name)) problems.push(`threshold on ${metric}: no such metric`);
  }
  for (const [metric, value] of fake.metrics) {
    if (metric.endsWith('_failures') && value > 0) problems.push(`${metric} counted ${value}`);
  }
  problems.push(...fake.problems, ...[...new Set(fake.checkFailures)].map((check) => `check failed: ${check}`));
  if (fake.requests.length === 0) problems.push('sent no request');
  problems.push(...(await credentialProblems(file)));
  const counted = [...fake.metrics].filter(([, value]) => value > 0).map(([metric, value]) => `${metric}=${value}`);
  console.log(`${file}: ${scenarios.map(([name]) => name).join(', ')} ran; ${fake.requests.length} requests; ${counted.join(' ') || 'no custom metric moved'}`);
  return problems;
}

async function main(): Promise<number> {
  const bundles = readdirSync(bundleDir).filter((file) => file.endsWith('.js'));
  if (bundles.length === 0) {
    console.error(`no bundle in ${bundleDir}: run \`npx nx run load-tests:bundle\``);
    return 1;
  }
  let failed = 0;
  for (const file of bundles) {
    const problems = await smoke(file).catch((error: unknown) => [`did not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`]);
    for (const problem of problems) console.error(`${file}: ${problem}`);
    if (problems.length > 0) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
