import type { ClickHouseClient } from '@clickhouse/client';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultPlanFile, POISONED_ROW_ERROR_TYPE, withFaultInjection, type FaultPlan } from './fault-injection';

/** A client that records what reached it. */
function recordingClient() {
  const inserted: unknown[] = [];
  const client = {
    name: 'real',
    insert: async (params: { values: unknown }) => {
      inserted.push(params.values);
      return { executed: true, query_id: 'q' };
    },
    ping: async () => ({ success: true }),
    whoAmI(this: { name: string }) {
      return this.name;
    },
  };
  return { inserted, client: client as unknown as ClickHouseClient & { whoAmI(): string } };
}

describe('fault injection hook', () => {
  let directory: string;
  let file: string;
  let warnings: string[];
  let faulty: ClickHouseClient & { whoAmI(): string };
  let inserted: unknown[];

  const writePlan = (plan: FaultPlan | string) => writeFileSync(file, typeof plan === 'string' ? plan : JSON.stringify(plan));
  const insert = (descriptions: string[]) => faulty.insert({ table: 't', values: descriptions.map((description) => ({ id: description, description })), format: 'JSONEachRow' });

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'grid-command-faults-'));
    file = join(directory, 'faults.json');
    warnings = [];
    const recording = recordingClient();
    inserted = recording.inserted;
    faulty = withFaultInjection(recording.client, new FaultPlanFile(file, (message) => warnings.push(message))) as typeof faulty;
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('plays no fault while the file is missing, and passes other calls through to the real client', async () => {
    await insert(['a']);
    expect(inserted).toHaveLength(1);
    expect(await faulty.ping()).toEqual({ success: true });
    expect(faulty.whoAmI()).toBe('real');
  });

  it('fails inserts and pings as an unreachable store until failInsertsUntil, re-reading the rewritten file', async () => {
    writePlan({ failInsertsUntil: Date.now() + 60_000 });
    await expect(insert(['a'])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await faulty.ping()).toMatchObject({ success: false, error: { code: 'ECONNREFUSED' } });
    expect(inserted).toHaveLength(0);

    writePlan({ failInsertsUntil: Date.now() - 1 });
    await insert(['a']);
    expect(inserted).toHaveLength(1);
  });

  it('delays every insert by slowInsertsMs before it runs', async () => {
    writePlan({ slowInsertsMs: 150 });
    const started = Date.now();
    const pending = insert(['a']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inserted).toHaveLength(0);
    await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(inserted).toHaveLength(1);
  });

  it('fails with an unknown error type only the inserts holding a description with the poison marker', async () => {
    writePlan({ poisonMarker: '§POISON§' });
    await expect(insert(['fine', 'has §POISON§ inside'])).rejects.toMatchObject({ type: POISONED_ROW_ERROR_TYPE });
    await insert(['fine', 'also fine']);
    expect(inserted).toEqual([[{ id: 'fine', description: 'fine' }, { id: 'also fine', description: 'also fine' }]]);
  });

  it('ignores an unreadable file with a warning, and goes back to no faults when it is removed', async () => {
    writePlan('{ not json');
    await insert(['a']);
    writePlan({ slowInsertsMs: -5 } as unknown as FaultPlan);
    await insert(['b']);
    expect(inserted).toHaveLength(2);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain('slowInsertsMs');

    writePlan({ failInsertsUntil: Date.now() + 60_000 });
    await expect(insert(['c'])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    rmSync(file);
    await insert(['c']);
    expect(inserted).toHaveLength(3);
  });
});
