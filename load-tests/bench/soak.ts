/**
 * `npm run soak -- --minutes=480`: the wall left running as a kiosk is. Starts the built server (temp data
 * directory), feeds it simulated reports at a steady rate, opens the leader wall on a display token in headless
 * Chromium (playwright-core, /usr/bin/chromium) and, every `--sample-seconds` (60), collects garbage and reads the
 * page's JS heap, DOM nodes and event listeners over CDP (Performance.getMetrics). Writes heap MB/h (the slope after
 * `--warmup-minutes`, 10) and nodes and listeners (start, end, max) to bench-results/soak.{json,md}, or to `--out`.
 * Exits 1 when it could not measure; the figures themselves are reported, not judged (the e2e judges a short run).
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { cpus, hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateReferenceFile } from '@grid-command/domain';
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { gridSitesOf } from '../src/grid-sites';
import { renderSoakMarkdown, soakFigures, type SoakSample } from '../src/soak-figures';
import { createBenchCredentials } from './credentials';
import { KeepAliveClient } from './http-client';
import { IngestLedger, postBody, prepareBodies } from './ingest';
import { startServer, type RunningServer } from './server-process';
import { DISTRICT_SCOPE } from './snapshot-watch';

const WORKSPACE = join(__dirname, '..', '..');
/** A busy district's day: about 10 reports a second, in bodies of 20, so the wall's figures and ticker keep moving. */
const FEED_REPORTS_PER_SECOND = 10;
const FEED_BATCH = 20;

interface SoakOptions {
  readonly minutes: number;
  readonly sampleSeconds: number;
  readonly warmUpMinutes: number;
  readonly out: string;
}

function optionsOf(argv: readonly string[]): SoakOptions {
  const value = (name: string, fallback: number): number => {
    const raw = argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name}=${raw}: must be a positive number`);
    return parsed;
  };
  const out = argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ?? join(WORKSPACE, 'bench-results', 'soak');
  return { minutes: value('minutes', 480), sampleSeconds: value('sample-seconds', 60), warmUpMinutes: value('warmup-minutes', 10), out: resolve(out) };
}

function log(line: string): void {
  console.log(`[soak ${(performance.now() / 60_000).toFixed(1).padStart(5)} min] ${line}`);
}

/** The same Chromium and flags as the e2e harness (apps/screen-e2e/e2e/support/chromium.ts). */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 30_000,
  });
}

function startFeed(server: RunningServer, ingestKey: string): () => void {
  const path = join(WORKSPACE, 'reference/demo-district.json');
  const sites = gridSitesOf(validateReferenceFile(JSON.parse(readFileSync(path, 'utf8')), path));
  const client = new KeepAliveClient(server.baseUrl, 2).as(() => ingestKey);
  const ledger = new IngestLedger();
  const timer = setInterval(() => {
    const [body] = prepareBodies(sites, FEED_BATCH, 1);
    if (body) void postBody(client, ledger, body).catch((error: Error) => log(`a feed post failed: ${error.message}`));
  }, (FEED_BATCH * 1000) / FEED_REPORTS_PER_SECOND);
  return () => {
    clearInterval(timer);
    client.close();
  };
}

async function main(): Promise<void> {
  const options = optionsOf(process.argv.slice(2));
  log(`starting: ${options.minutes} min, a sample every ${options.sampleSeconds} s, warm-up ${options.warmUpMinutes} min → ${options.out}.{json,md}`);
  const server = await startServer(WORKSPACE);
  let browser: Browser | undefined;
  let stopFeed: (() => void) | undefined;
  try {
    const credentials = await createBenchCredentials(server.baseUrl, server.adminPassword, DISTRICT_SCOPE, log);
    stopFeed = startFeed(server, credentials.ingestKey);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.baseUrl}/?display=${encodeURIComponent(credentials.displayToken)}`, { timeout: 60_000 });
    await page.locator('gc-wall[data-freshness]').waitFor({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const openedAt = performance.now();
    const samples: SoakSample[] = [];
    const endAt = openedAt + options.minutes * 60_000;
    for (;;) {
      // After a collection, the heap is what the page holds on to, not what it has yet to free.
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
      const sample: SoakSample = {
        minute: (performance.now() - openedAt) / 60_000,
        heapUsedMb: metric('JSHeapUsedSize') / 1_048_576,
        nodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
      };
      if (![sample.heapUsedMb, sample.nodes, sample.listeners].every(Number.isFinite)) throw new Error(`CDP gave no figures: ${JSON.stringify(metrics)}`);
      samples.push(sample);
      log(`heap ${sample.heapUsedMb.toFixed(1)} MB · ${sample.nodes} nodes · ${sample.listeners} listeners`);
      if (performance.now() + options.sampleSeconds * 1000 > endAt + 1000) break;
      await new Promise((resolve) => setTimeout(resolve, options.sampleSeconds * 1000));
    }
    const figures = soakFigures(samples, options.warmUpMinutes);
    const measuredAt = new Date().toISOString();
    const host = `${hostname()}, ${cpus().length} cores (shared with other work while it ran)`;
    const feed = `${FEED_REPORTS_PER_SECOND} simulated reports/s`;
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(`${options.out}.json`, `${JSON.stringify({ measuredAt, host, feed, options: { ...options, out: undefined }, figures, pageErrors: errors, samples }, null, 2)}\n`);
    await writeFile(
      `${options.out}.md`,
      renderSoakMarkdown(figures, {
        measuredAt,
        host,
        feed,
        sampleSeconds: options.sampleSeconds,
        note: `Heap read after a forced collection (HeapProfiler.collectGarbage) before each sample. Page errors: ${errors.length === 0 ? 'none' : errors.slice(0, 5).join('; ')}.`,
      }),
    );
    log(`heap ${figures.heapMbPerHour === null ? 'n/a' : `${figures.heapMbPerHour.toFixed(2)} MB/h`} · nodes ${JSON.stringify(figures.nodes)} · listeners ${JSON.stringify(figures.listeners)}`);
    credentials.close();
  } finally {
    stopFeed?.();
    await browser?.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
