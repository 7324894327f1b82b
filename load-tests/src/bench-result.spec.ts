import { describe, expect, it } from 'vitest';
import {
  correctnessFailed,
  evaluateTargets,
  integrityVerdict,
  renderMarkdown,
  type BenchFigures,
  type BenchResult,
  type EndToEndRun,
  type ThroughputRun,
} from './bench-result';

const latency = { p50: 3, p95: 9, p99: 20, max: 40 };
const run = (batchSize: number, reportsPerSecond: number): ThroughputRun => ({
  batchSize,
  connections: 8,
  seconds: 8,
  requests: 100,
  reportsAccepted: reportsPerSecond * 8,
  reportsPerSecond,
  requestsPerSecond: reportsPerSecond / batchSize,
  errors: 0,
  latencyMs: latency,
  drainMs: 400,
});

const idle: EndToEndRun = { label: 'idle', backgroundRate: 0, samples: 15, timeouts: 0, snapshotMs: latency, pushMs: { ...latency, p95: 700 } };

const figures: BenchFigures = {
  throughput: [run(1, 3_000), run(100, 9_000), run(1000, 12_000)],
  endToEnd: [idle],
  integrity: { distinctAccepted: 1_000, acceptedAnswers: 1_000, resent: 200, duplicatesAnswered: 200, snapshotReported: 1_000, waitedMs: 800, conclusive: true },
  memory: { serverBeforeMb: 300, serverPeakMb: 600, serverAfterMb: 500, childrenAfterMb: 20 },
};

describe('bench targets', () => {
  it('passes a run that kept every report once and met the speed targets', () => {
    const targets = evaluateTargets(figures);
    expect(targets.every((check) => check.pass === true)).toBe(true);
    expect(correctnessFailed(targets)).toBe(false);
  });

  it('fails on a lost report and on a doubled one, and says how many', () => {
    const lost = evaluateTargets({ ...figures, integrity: { ...figures.integrity, snapshotReported: 997 } });
    expect(correctnessFailed(lost)).toBe(true);
    expect(lost[0]?.actual).toContain('lost 3, doubled 0');
    const doubled = { ...figures.integrity, snapshotReported: 1_002 };
    expect(integrityVerdict(doubled)).toEqual({ lost: 0, doubled: 2 });
    expect(integrityVerdict({ ...figures.integrity, acceptedAnswers: 1_001 })).toEqual({ lost: 0, doubled: 1 });
    expect(correctnessFailed(evaluateTargets({ ...figures, integrity: { ...figures.integrity, duplicatesAnswered: 150 } }))).toBe(true);
  });

  it('reports a slow machine without failing the bench', () => {
    const slow = evaluateTargets({ ...figures, throughput: [run(100, 2_000)], endToEnd: [{ ...idle, pushMs: { ...latency, p95: 4_000 } }] });
    expect(slow.find((check) => check.name.startsWith('ingest, 100'))?.pass).toBe(false);
    expect(slow.find((check) => check.name.startsWith('ingest, 1000'))?.pass).toBeNull();
    expect(slow.find((check) => check.name.startsWith('post-to-screen'))?.pass).toBe(false);
    expect(correctnessFailed(slow)).toBe(false);
  });

  it('gives no integrity verdict when the day changed under the run', () => {
    const targets = evaluateTargets({ ...figures, integrity: { ...figures.integrity, conclusive: false, snapshotReported: 3 } });
    expect(targets[0]?.pass).toBeNull();
    expect(correctnessFailed(targets)).toBe(false);
  });

  it('counts timed-out end-to-end samples as a miss', () => {
    const targets = evaluateTargets({ ...figures, endToEnd: [{ ...idle, timeouts: 1 }] });
    expect(targets.at(-1)?.pass).toBe(false);
    expect(targets.at(-1)?.actual).toContain('1 timed out');
  });
});

describe('renderMarkdown', () => {
  it('shows the machine, every target with its result, and every figure table', () => {
    const result: BenchResult = {
      ...figures,
      version: 1,
      date: '2026-11-23T18:00:00.000Z',
      durationSeconds: 120,
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryGb: 4, platform: 'linux x64', node: 'v20.20.2', loadAverageAtStart: 0.5 },
      targets: evaluateTargets(figures),
    };
    const text = renderMarkdown(result);
    expect(text).toContain('2 × Test CPU · 4 GB · linux x64 · Node v20.20.2');
    expect(text).toContain('| ingest, 100 reports per request | ≥ 5,000 reports/s | 9,000 reports/s | pass |');
    expect(text).toContain('| 1000 | 8 | 8.0 |');
    expect(text).toContain('| idle | 15 | 0 |');
    expect(text).toContain('300 MiB ready → 600 MiB peak → 500 MiB after');
    expect(text).not.toContain('Other work was running');
    expect(renderMarkdown({ ...result, machine: { ...result.machine, loadAverageAtStart: 6.5 } })).toContain('load average 6.5 on 2 CPUs');
  });
});
