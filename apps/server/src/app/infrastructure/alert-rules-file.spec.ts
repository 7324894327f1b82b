import { alertRulesFileSchema, SEVERITIES, SEVERITY_LABELS } from '@grid-command/contracts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { WORKSPACE_ROOT } from '../../testing/test-server';
import { readValidatedJson } from './validated-json-file';

const SHIPPED = join(WORKSPACE_ROOT, 'config/alert-rules.json');
const load = (file: string) => readValidatedJson(file, 'ALERT_RULES_FILE', alertRulesFileSchema);

describe('ALERT_RULES_FILE', () => {
  const directory = mkdtempSync(join(tmpdir(), 'grid-command-alert-rules-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const shipped = () => JSON.parse(readFileSync(SHIPPED, 'utf8')) as { rules: Array<Record<string, unknown>> };
  const write = (content: unknown): string => {
    const path = join(directory, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it('loads the shipped rules: one of each kind, with defaults filled in', async () => {
    const rules = await load(SHIPPED);
    expect(new Set(rules.rules.map((rule) => rule.kind))).toEqual(new Set(['critical', 'spike', 'sla', 'anomaly']));
    expect(rules.rules.every((rule) => rule.enabled)).toBe(true);
    expect(rules.ignoreReportsOlderThanMinutes).toBe(360);
  });

  it('names no rule with a word of the severity scale: the console shows the severity beside the name', async () => {
    const rules = await load(SHIPPED);
    const words = SEVERITIES.flatMap((level) => [SEVERITY_LABELS[level].zh, SEVERITY_LABELS[level].en.toLowerCase()]);
    const named = rules.rules.flatMap((rule) => [rule.name.zh, rule.name.en.toLowerCase()]);
    expect(named.filter((name) => words.some((word) => name.includes(word)))).toEqual([]);
  });

  it('names the variable, the file and the field of a bad rule', async () => {
    const file = shipped();
    delete (file.rules[1] as Record<string, unknown>)['threshold'];
    const path = write(file);
    await expect(load(path)).rejects.toThrow(`ALERT_RULES_FILE=${path}: rules[1].threshold`);
  });

  it('refuses two rules with one id, and an anomaly rule with neither bound', async () => {
    const duplicate = shipped();
    (duplicate.rules[2] as Record<string, unknown>)['id'] = duplicate.rules[1]?.['id'];
    await expect(load(write(duplicate))).rejects.toThrow(/rules\[2\]\.id: duplicate rule id noise-spike/);
    const unbounded = shipped();
    const anomaly = unbounded.rules.find((rule) => rule['kind'] === 'anomaly') as Record<string, unknown>;
    delete anomaly['ratioAtLeast'];
    delete anomaly['zScoreAtLeast'];
    await expect(load(write(unbounded))).rejects.toThrow(/ratioAtLeast: an anomaly rule needs ratioAtLeast, zScoreAtLeast or both/);
  });
});
