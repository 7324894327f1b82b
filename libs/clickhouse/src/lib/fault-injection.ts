import type { ClickHouseClient, PingResult } from '@clickhouse/client';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';

/**
 * A test hook, never set in production (`FAULT_INJECTION_FILE`): the faults the ClickHouse client plays, read from
 * a JSON file that a test rewrites while the server runs.
 * - `failInsertsUntil` (epoch ms): until then every insert and ping fails as an unreachable store does (ECONNREFUSED);
 * - `slowInsertsMs`: every insert waits this long before it runs, so a test can kill the process mid-batch;
 * - `poisonMarker`: an insert whose rows include a report whose description contains it fails with an error type
 *   ClickHouse never sends (`FAULT_INJECTION_POISONED_ROW`), while the store is otherwise up.
 */
export const faultPlanSchema = z.strictObject({
  failInsertsUntil: z.number().int().nonnegative().optional(),
  slowInsertsMs: z.number().int().min(0).max(600_000).optional(),
  poisonMarker: z.string().min(1).optional(),
});
export type FaultPlan = z.infer<typeof faultPlanSchema>;

type InsertArguments = Parameters<ClickHouseClient['insert']>[0];
type PingArguments = Parameters<ClickHouseClient['ping']>[0];

export const POISONED_ROW_ERROR_TYPE = 'FAULT_INJECTION_POISONED_ROW';

/**
 * The plan as the file holds it now, read again only when its modification time or size changed (a test's rewrite
 * may land in two writes). A missing file is no faults; an unreadable one too, with a warning, until it is rewritten.
 */
export class FaultPlanFile {
  private seen: string | null = null;
  private plan: FaultPlan = {};

  constructor(
    private readonly path: string,
    private readonly warn: (message: string) => void,
  ) {}

  async current(): Promise<FaultPlan> {
    const stats = await stat(this.path).catch(() => null);
    const version = stats ? `${stats.mtimeMs}:${stats.size}` : null;
    if (version === this.seen) return this.plan;
    this.seen = version;
    this.plan = version === null ? {} : await this.read();
    return this.plan;
  }

  private async read(): Promise<FaultPlan> {
    try {
      const parsed = faultPlanSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
      this.warn(`fault injection file ${this.path} ignored: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    } catch (error) {
      this.warn(`fault injection file ${this.path} ignored: ${(error as Error).message}`);
    }
    return {};
  }
}

function storeUnreachable(until: number): Error {
  return Object.assign(new Error(`connect ECONNREFUSED (fault injection: ClickHouse unreachable until ${new Date(until).toISOString()})`), { code: 'ECONNREFUSED' });
}

function poisonedRow(marker: string): Error {
  return Object.assign(new Error(`Code: 1001. DB::Exception: fault injection: a row's description contains ${JSON.stringify(marker)}`), {
    code: '1001',
    type: POISONED_ROW_ERROR_TYPE,
  });
}

function holdsMarker(values: InsertArguments['values'], marker: string): boolean {
  if (!Array.isArray(values)) return false;
  return values.some((row: unknown) => {
    const description = (row as { description?: unknown } | null)?.description;
    return typeof description === 'string' && description.includes(marker);
  });
}

/**
 * The client with the file's faults in front of `insert` and `ping`; every other call goes straight through. Made
 * where the client is made, so every repository sees the same faults.
 */
export function withFaultInjection(client: ClickHouseClient, plans: FaultPlanFile): ClickHouseClient {
  const insert = async (params: InsertArguments): ReturnType<ClickHouseClient['insert']> => {
    const plan = await plans.current();
    if (plan.failInsertsUntil !== undefined && Date.now() < plan.failInsertsUntil) throw storeUnreachable(plan.failInsertsUntil);
    if (plan.slowInsertsMs) await new Promise((resolve) => setTimeout(resolve, plan.slowInsertsMs));
    if (plan.poisonMarker !== undefined && holdsMarker(params.values, plan.poisonMarker)) throw poisonedRow(plan.poisonMarker);
    return client.insert(params);
  };
  const ping = async (params?: PingArguments): Promise<PingResult> => {
    const plan = await plans.current();
    if (plan.failInsertsUntil !== undefined && Date.now() < plan.failInsertsUntil) return { success: false, error: storeUnreachable(plan.failInsertsUntil) };
    return client.ping(params);
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'insert') return insert;
      if (property === 'ping') return ping;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
