import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capacityOfBench, capacitySourceName, headroomOf, readMeasuredCapacity } from './measured-capacity';

const run = (batchSize: number, reportsAccepted: number, seconds: number, reportsPerSecond: number, drainMs: number | null) => ({ batchSize, reportsAccepted, seconds, reportsPerSecond, drainMs });

describe('the measured capacity', () => {
  it('takes the run stored fastest end to end (reports over run plus drain), not the fastest intake', () => {
    const capacity = capacityOfBench(
      { date: '2026-12-01T12:00:00.000Z', throughput: [run(100, 46_300, 6.1, 7_607, 9_735.9), run(1000, 93_000, 6.5, 14_224, 17_200.7), run(1, 2_331, 6, 388, null)] },
      'bench.json',
    );
    // 93,000 / 23.7 s = 3,924/s beats 46,300 / 15.8 s = 2,925/s; the single-report run never drained.
    expect(capacity).toEqual({ status: 'measured', reportsPerSecond: 3_924, acceptedPerSecond: 14_224, reportsPerRequest: 1000, measuredAt: '2026-12-01T12:00:00.000Z', source: 'bench.json' });
  });

  it('gives the reason when the file holds no usable run or is no bench result', () => {
    expect(capacityOfBench({ date: '2026-12-01T12:00:00.000Z', throughput: [run(1, 10, 6, 2, null)] }, 'b.json')).toEqual({ status: 'unknown', reason: expect.stringContaining('no throughput run that drained') });
    expect(capacityOfBench({ date: 'yesterday', throughput: [] }, 'b.json')).toEqual({ status: 'unknown', reason: expect.stringContaining('date') });
  });

  it('reads the file afresh, and says to run the bench when there is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-capacity-'));
    try {
      const file = join(dir, 'latest.json');
      expect(await readMeasuredCapacity(file, 'latest.json')).toEqual({ status: 'unknown', reason: expect.stringContaining(`npm run bench\` (OPS_CAPACITY_FILE=${file})`) });
      writeFileSync(file, '{not json');
      expect(await readMeasuredCapacity(file, 'latest.json')).toEqual({ status: 'unknown', reason: `${file} is not JSON` });
      writeFileSync(file, JSON.stringify({ date: '2026-12-01T12:00:00.000Z', throughput: [run(100, 1_000, 1, 1_000, 1_000)] }));
      expect(await readMeasuredCapacity(file, 'latest.json')).toMatchObject({ status: 'measured', reportsPerSecond: 500, source: 'latest.json' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file relative to where the server runs, or by its name alone when it lies outside', () => {
    expect(capacitySourceName('/srv/grid-command/bench-results/latest.json', '/srv/grid-command')).toBe(join('bench-results', 'latest.json'));
    expect(capacitySourceName('/tmp/bench.json', '/srv/grid-command')).toBe('bench.json');
    expect(capacitySourceName('/srv/grid-command/..bench.json', '/srv/grid-command')).toBe('..bench.json');
  });

  it('headroom is the share of the capacity still free, below 0 when over it, null without a figure', () => {
    const measured = { status: 'measured', reportsPerSecond: 4_000, acceptedPerSecond: 9_000, reportsPerRequest: 100, measuredAt: '2026-12-01T12:00:00.000Z', source: 'b' } as const;
    expect(headroomOf(1_000, measured)).toBe(0.75);
    expect(headroomOf(5_000, measured)).toBe(-0.25);
    expect(headroomOf(1_000, { status: 'unknown', reason: 'none' })).toBeNull();
  });
});
