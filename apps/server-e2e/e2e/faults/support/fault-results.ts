import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerSummary } from './acknowledged-ledger';
import type { CountCheck } from './stored-reports';
import { WORKSPACE_ROOT } from './workspace';

/** The figures of one scenario's run, as the team quotes them. */
export interface FaultResult {
  readonly scenario: string;
  readonly fault: string;
  readonly count: CountCheck;
  /** Reports parked in the dead letters, accounted for apart from the count. */
  readonly deadLettered: number;
  /** What the clients were answered while the fault lasted (status code, `no_answer`, `timeout`) and how often. */
  readonly clientsSawDuringFault: Readonly<Record<string, number>>;
  readonly clientsSawInAll: Readonly<Record<string, number>>;
  readonly acknowledgements: LedgerSummary;
  /** From the fault until clients are acknowledged again (first 202), or until the backlog is stored. */
  readonly recoveryMs: number | null;
  readonly recoveryMeans: string;
  readonly durationMs: number;
  readonly notes?: string;
}

const RESULTS_DIR = join(WORKSPACE_ROOT, 'dist/fault-results');
const SCENARIOS_DIR = join(RESULTS_DIR, 'scenarios');

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.next`, text);
  renameSync(`${file}.next`, file);
}

const shown = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, count]) => `${outcome}×${count}`)
    .join(', ') || '—';

function markdown(results: readonly (FaultResult & { recordedAt: string })[]): string {
  const lines = [
    '# Fault-injection results',
    '',
    '| # | fault | acknowledged | stored rows | distinct ids | lost | doubled | unexpected | dead-lettered | clients saw during the fault | recovery | run |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (result) =>
        `| ${result.scenario} | ${result.fault} | ${result.count.acknowledged} | ${result.count.rows} | ${result.count.distinctIds} | ${result.count.lost} | ${result.count.doubled} | ${result.count.unexpected} | ${result.deadLettered} | ${shown(result.clientsSawDuringFault)} | ${result.recoveryMs === null ? '—' : `${(result.recoveryMs / 1000).toFixed(2)} s (${result.recoveryMeans})`} | ${(result.durationMs / 1000).toFixed(0)} s, ${result.recordedAt} |`,
    ),
    '',
    ...results.filter((result) => result.notes).map((result) => `- ${result.scenario}. ${result.notes}`),
    '',
  ];
  return lines.join('\n');
}

/** Keeps this scenario's figures and rewrites `dist/fault-results/latest.{json,md}` from every scenario's last run. */
export function recordFaultResult(result: FaultResult): void {
  mkdirSync(SCENARIOS_DIR, { recursive: true });
  writeAtomically(join(SCENARIOS_DIR, `${result.scenario.replace(/^\d+/, (number) => number.padStart(3, '0'))}.json`), JSON.stringify({ ...result, recordedAt: new Date().toISOString() }, null, 2));
  const all = readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(SCENARIOS_DIR, file), 'utf8')) as FaultResult & { recordedAt: string });
  writeAtomically(join(RESULTS_DIR, 'latest.json'), JSON.stringify(all, null, 2));
  writeAtomically(join(RESULTS_DIR, 'latest.md'), markdown(all));
}
