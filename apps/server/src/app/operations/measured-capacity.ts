import type { OpsCapacity } from '@grid-command/contracts';
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, relative, sep } from 'node:path';
import { z } from 'zod';

/** The fields of `bench-results/latest.json` (load-tests/src/bench-result.ts) this reads; the rest may change freely. */
const benchFileSchema = z.object({
  date: z.iso.datetime({ offset: true }),
  throughput: z.array(
    z.object({
      batchSize: z.number().int().positive(),
      seconds: z.number().positive(),
      reportsAccepted: z.number().nonnegative(),
      reportsPerSecond: z.number().nonnegative(),
      drainMs: z.number().nonnegative().nullable(),
    }),
  ),
});

/**
 * The capacity a bench file states: of its throughput runs, the one whose reports were accepted *and* stored at the
 * highest pace — its reports over the run's seconds plus the drain after its last 202 (until the district's snapshot
 * counted them all). That is what the pipeline sustains; the accepted rate alone outruns the worker, which then lags.
 */
export function capacityOfBench(file: unknown, source: string): OpsCapacity {
  const parsed = benchFileSchema.safeParse(file);
  if (!parsed.success) return { status: 'unknown', reason: `${source} is not a bench result: ${parsed.error.issues[0]?.path.join('.') || 'file'}: ${parsed.error.issues[0]?.message}` };
  const runs = parsed.data.throughput.flatMap((run) =>
    run.drainMs === null || run.reportsAccepted === 0 || run.reportsPerSecond === 0
      ? []
      : [{ run, sustained: run.reportsAccepted / (run.seconds + run.drainMs / 1000) }],
  );
  const best = runs.sort((a, b) => b.sustained - a.sustained)[0];
  if (!best) return { status: 'unknown', reason: `${source} has no throughput run that drained: run \`npm run bench\` again` };
  return {
    status: 'measured',
    reportsPerSecond: Math.round(best.sustained),
    acceptedPerSecond: Math.round(best.run.reportsPerSecond),
    reportsPerRequest: best.run.batchSize,
    measuredAt: parsed.data.date,
    source,
  };
}

/**
 * The bench file as the headroom line names it: relative to the directory the server runs in, where the operator
 * finds it (`bench-results/latest.json`), or only its name when it lies outside that directory.
 */
export function capacitySourceName(path: string, workingDirectory: string): string {
  const inside = relative(workingDirectory, path);
  return inside === '' || isAbsolute(inside) || inside.split(sep)[0] === '..' ? basename(path) : inside;
}

/**
 * Reads the bench file afresh (a new bench run replaces it), its capacity naming it `source`; a missing or broken
 * file gives the reason instead, with the full path to look for.
 */
export async function readMeasuredCapacity(path: string, source: string): Promise<OpsCapacity> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { status: 'unknown', reason: missing ? `no benchmark of this deployment: run \`npm run bench\` (OPS_CAPACITY_FILE=${path})` : `cannot read ${path}: ${(error as Error).message}` };
  }
  try {
    return capacityOfBench(JSON.parse(text), source);
  } catch {
    return { status: 'unknown', reason: `${path} is not JSON` };
  }
}

/** 1 − rate ÷ capacity: the share of the measured capacity still free, below 0 when over it; null without a figure. */
export function headroomOf(acceptedPerSecond: number, capacity: OpsCapacity): number | null {
  if (capacity.status !== 'measured') return null;
  return 1 - acceptedPerSecond / capacity.reportsPerSecond;
}
