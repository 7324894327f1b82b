#!/usr/bin/env node
// `npm run demo`: install what is missing, build, start the server with embedded Redis and ClickHouse, make a demo
// user per role, an ingest key and a display token through the API, play the simulated feed and print the console's
// and the wall's addresses with the credentials. `npm start`: the same without the demo's users and feed.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...flags] = process.argv.slice(2);
const usage = 'usage: node tools/launch.mjs demo [--calm] | start   (npm run demo -- --calm)';
if ((mode !== 'demo' && mode !== 'start') || flags.some((flag) => flag !== '--calm') || (mode === 'start' && flags.length > 0)) {
  console.error(usage);
  process.exit(2);
}
// The demo plays a lively 创城 campaign day unless asked for the calm everyday district (--calm or DEMO_FEED=calm).
const demoFeed = flags.includes('--calm') || process.env.DEMO_FEED === 'calm' ? 'calm' : 'campaign';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`grid-command needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

const step = (text) => console.log(`\n▸ ${text}`);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  step('Installing npm packages');
  // Not `npm ci`: the lock lists only the optional native packages the registry serves for this platform.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

if (!process.env.REDIS_URL) {
  step('Checking redis-server');
  run(process.execPath, ['tools/system-deps.mjs', 'redis-server']);
}

const projects = mode === 'demo' ? 'server,screen,simulator' : 'server,screen';
step(`Building ${projects}`);
run('npx', ['nx', 'run-many', '-t', 'build', '-p', projects, '--outputStyle=stream-without-prefixes']);

// The demo's first admin: the operator's ADMIN_BOOTSTRAP_PASSWORD, else one drawn on the first run and kept in
// DATA_DIR (owner-only), so a restart on the same data signs in as the same admin.
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
function demoAdminPassword() {
  if (process.env.ADMIN_BOOTSTRAP_PASSWORD) return process.env.ADMIN_BOOTSTRAP_PASSWORD;
  const file = join(dataDir, 'demo-admin-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(12).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
const adminPassword = mode === 'demo' ? demoAdminPassword() : null;

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
const children = [];
let stopping = false;

// Each child leads its own process group, so a Ctrl-C in the terminal reaches only this launcher, which stops them in
// order (the simulator, then the server, which drains and stops its Redis last) instead of all at once.
function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} stopped (${signal ?? `exit code ${code}`}); shutting down.`);
    void stop(code ?? 1);
  });
  return child;
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// A closed terminal: the children, in their own groups, would not hear of it otherwise.
process.on('SIGHUP', () => void stop(0));

async function waitUntilReady() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

step('Starting the server');
start('server', ['dist/apps/server/apps/server/src/main.js'], adminPassword === null ? {} : { ADMIN_BOOTSTRAP_PASSWORD: adminPassword });
if (!(await waitUntilReady())) {
  console.error(`the server did not become ready at ${baseUrl}/health/ready within 2 minutes`);
  await stop(1);
}

/** The demo's users, ingest key and display token (tools/demo/provision-demo.ts prints them as one JSON line). */
function demoCredentials() {
  try {
    const output = execFileSync('npx', ['tsx', '--tsconfig', 'tools/tsconfig.json', 'tools/demo/provision-demo.ts'], {
      cwd: root,
      env: { ...process.env, BASE_URL: baseUrl, DATA_DIR: dataDir, ADMIN_BOOTSTRAP_PASSWORD: adminPassword },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    return JSON.parse(output.trim().split('\n').at(-1));
  } catch {
    return null;
  }
}

let banner;
let wallAddress = `${baseUrl}/`;
if (mode === 'demo') {
  step('Creating the demo users, the simulator\'s ingest key and the wall\'s display token');
  const credentials = demoCredentials();
  if (credentials === null) await stop(1);

  step(`Starting the simulated feed (${demoFeed === 'campaign' ? '创城 campaign day; npm run demo -- --calm for an everyday district' : 'an everyday district day'})`);
  // Everyday, a district files about 720 tickets a day (one every two minutes: about what 80 communities file), and
  // every ticket then costs the server a workflow of event requests. Two weeks of history are written first, so this
  // week compares with a fully covered last week (环比). Flat, so the wall moves at whatever hour the demo runs; the
  // backfilled days follow the hour of the day. District-sized bursts (about 14 a day, some 14 reports in one
  // community each) trip the spike alerts now and then, and a simulated duty officer works most incidents through
  // (acknowledge, dispatch, 报到, close), leaving the rest for the wall to re-notify and escalate.
  // The default is a 创城 campaign day on top (the campaign began yesterday, so the history and volume baselines
  // already hold it): patrols file five times the everyday volume again in what inspectors check (a report every
  // 20 s in all), emergencies stay at the everyday rate, and the campaign's 督办 keeps late tickets rare.
  const everydayTicketsPerDay = 720;
  const campaign = demoFeed === 'campaign' ? ['--campaign', '5', '--campaign-days', '2'] : [];
  start('simulator', [
    'dist/apps/simulator/apps/simulator/src/main.js',
    '--url', baseUrl,
    '--profile', 'flat',
    '--rate', String(everydayTicketsPerDay / 86_400),
    ...campaign,
    '--bursts', 'district',
    '--duty-officer', 'on',
    '--backfill-days', '14',
    '--backfill-volume', String(everydayTicketsPerDay),
  ], {
    GRID_COMMAND_INGEST_KEY: credentials.simulator.ingestKey,
    GRID_COMMAND_USERNAME: credentials.simulator.username,
    GRID_COMMAND_PASSWORD: credentials.simulator.password,
  });

  wallAddress = credentials.wallUrl;
  const width = Math.max(...credentials.users.map((user) => user.username.length));
  banner = [
    `Big screen (大屏), kiosk address with its display token (keep it private):`,
    `    ${credentials.wallUrl}`,
    `    English: add &lang=en`,
    `Duty console (值班台): ${baseUrl}/console — sign in as`,
    `    ${'admin'.padEnd(width)}  ${adminPassword}  admin (users, keys, tokens; every role)`,
    ...credentials.users.map((user) => `    ${user.username.padEnd(width)}  ${user.password}  ${user.displayName}: ${user.roles.join(', ')} of ${user.scopes.join(', ')}`),
    `Operators (运维): ${baseUrl}/ops (pipeline health, headroom, dead letters; sign in as demo-operator or admin), metrics at ${baseUrl}/metrics`,
    `A simulated ${demoFeed === 'campaign' ? '创城 campaign day (about a report every 20 s; npm run demo -- --calm for an everyday district)' : 'everyday district (a report every two minutes)'} is playing,`,
    `    after writing two weeks of history (${demoFeed === 'campaign' ? '2–4' : '1–2'} minutes); its duty desk signs in as ${credentials.simulator.username}.`,
    `These stay the same on the next \`npm run demo\` (kept in ${join(dataDir, 'demo-credentials.json')}).`,
  ];
} else {
  banner = [
    `Big screen (大屏): ${baseUrl}/ — a wall needs a display token: npm run admin -- display:create --name 大屏-1 --scope district:450103 (prints its kiosk address)`,
    `Duty console (值班台): ${baseUrl}/console — sign in as a user; operators: ${baseUrl}/ops, metrics at ${baseUrl}/metrics`,
    `No admin yet? Stop, then start once with ADMIN_BOOTSTRAP_PASSWORD=<12+ characters> npm start (creates user admin),`,
    `    or, while the server runs: npm run admin -- user:create --username <you> --roles admin --scopes district:450103 (prints a password)`,
    `Sources post reports to ${baseUrl}/api/v1/reports with an ingest key: npm run admin -- key:create --name <source> --scope district:450103`,
  ];
}

console.log(`
────────────────────────────────────────────────────────────
  网格化治理指挥中心 · grid-command is running
${banner.map((line) => `  ${line}`).join('\n')}
  Press Ctrl-C to stop.
────────────────────────────────────────────────────────────`);

if (process.env.DISPLAY || process.platform === 'darwin') {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  spawn(opener, [wallAddress], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
