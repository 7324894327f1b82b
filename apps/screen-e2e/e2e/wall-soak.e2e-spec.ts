import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { WORKSPACE_ROOT } from './support/workspace';

const run = promisify(execFile);

interface Series {
  readonly start: number;
  readonly end: number;
  readonly max: number;
}

interface SoakFile {
  readonly figures: { readonly samples: number; readonly heapMbPerHour: number | null; readonly nodes: Series; readonly listeners: Series };
  readonly pageErrors: readonly string[];
}

/**
 * Allowed above what the page settled at after its warm-up. The wall redraws charts and its ticker's rows come and
 * go, which moves nodes by tens and listeners hardly at all; a leak of one listener per snapshot (pushed every 2 s)
 * adds 90 in the three measured minutes, one table row per snapshot several hundred nodes.
 */
const LISTENER_ALLOWANCE = { ratio: 0.1, absolute: 30 };
const NODE_ALLOWANCE = { ratio: 0.2, absolute: 100 };

const within = (series: Series, allowance: { ratio: number; absolute: number }) => series.max <= series.start * (1 + allowance.ratio) + allowance.absolute;

describe('the wall soak, shortened (npm run soak runs it for hours)', () => {
  it('measures heap, DOM nodes and listeners over CDP, and nodes and listeners stay bounded after the warm-up', async () => {
    const out = join(WORKSPACE_ROOT, 'test-artifacts', 'soak-short');
    mkdirSync(join(WORKSPACE_ROOT, 'test-artifacts'), { recursive: true });
    await run('npx', ['tsx', '--tsconfig', 'load-tests/bench/tsconfig.json', 'load-tests/bench/soak.ts', '--minutes=4', '--sample-seconds=10', '--warmup-minutes=1', `--out=${out}`], {
      cwd: WORKSPACE_ROOT,
      timeout: 420_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const soak = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as SoakFile;
    // One every 10 s for 4 minutes; a collection and a read take a while on a busy machine, so at least half of them.
    expect(soak.figures.samples).toBeGreaterThanOrEqual(12);
    expect(soak.figures.heapMbPerHour).not.toBeNull();
    expect(soak.figures.nodes.start).toBeGreaterThan(100);
    expect(soak.figures.listeners.start).toBeGreaterThan(10);
    expect({ nodes: soak.figures.nodes, bounded: within(soak.figures.nodes, NODE_ALLOWANCE) }).toEqual({ nodes: soak.figures.nodes, bounded: true });
    expect({ listeners: soak.figures.listeners, bounded: within(soak.figures.listeners, LISTENER_ALLOWANCE) }).toEqual({ listeners: soak.figures.listeners, bounded: true });
    expect(soak.pageErrors).toEqual([]);
    expect(readFileSync(`${out}.md`, 'utf8')).toContain('MB/h');
  }, 480_000);
});
