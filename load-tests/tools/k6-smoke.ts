/**
 * Runs every bundle in load-tests/dist once per scenario in a bare VM context (no Node, no browser
 * globals, like k6) against a fake k6 runtime: proves the bundle links against k6's modules only, its
 * init stage loads and validates the reference, each scenario's function runs without a failed check,
 * what it sends matches the contracts, and every threshold names a metric that exists.
 * Needs `--experimental-vm-modules`; run after the bundle target.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { alertRulesFileSchema, slaPolicySchema, workCalendarSchema, type AlertRulesFile } from '@grid-command/contracts';
import { validateReferenceFile, WorkingTime, type TicketRules } from '@grid-command/domain';
import { FakeK6 } from './fake-k6';

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

async function smoke(file: string): Promise<string[]> {
  const context = vm.createContext(FakeK6.globals(bundleDir, {}));
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

  const namespace = script.namespace as Record<string, unknown>;
  const options = namespace['options'] as { scenarios?: Record<string, Scenario>; thresholds?: Record<string, unknown> } | undefined;
  const problems: string[] = [];
  const scenarios = Object.entries(options?.scenarios ?? {});
  if (scenarios.length === 0) problems.push('exports no scenarios');
  if (typeof namespace['setup'] === 'function') (namespace['setup'] as () => void)();
  for (const [name, scenario] of scenarios) {
    const run = namespace[scenario.exec ?? 'default'];
    if (typeof run !== 'function') {
      problems.push(`scenario ${name} runs ${scenario.exec ?? 'default'}, which is not exported`);
      continue;
    }
    (run as () => void)();
    fake.drain();
  }
  for (const metric of Object.keys(options?.thresholds ?? {})) {
    const name = metric.split('{')[0] ?? metric;
    if (!BUILTIN_METRICS.has(name) && !fake.metrics.has(name)) problems.push(`threshold on ${metric}: no such metric`);
  }
  for (const [metric, value] of fake.metrics) {
    if (metric.endsWith('_failures') && value > 0) problems.push(`${metric} counted ${value}`);
  }
  problems.push(...fake.problems, ...[...new Set(fake.checkFailures)].map((check) => `check failed: ${check}`));
  if (fake.requests.length === 0) problems.push('sent no request');
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
