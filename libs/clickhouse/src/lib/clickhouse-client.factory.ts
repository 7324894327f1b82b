import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { FaultPlanFile, withFaultInjection } from './fault-injection';

export type ClickHouseTarget =
  | { readonly kind: 'embedded'; readonly path: string }
  | { readonly kind: 'server'; readonly url: string; readonly username?: string; readonly password?: string };

/** A test hook: the file of faults the client plays (`fault-injection.ts`), and where to warn about it. */
export interface FaultInjection {
  readonly file: string;
  readonly warn: (message: string) => void;
}

/**
 * The same `@clickhouse/client` API for both: a real server over HTTP, or ClickHouse running inside this
 * process through chdb. One process owns an embedded data directory. With `faults`, the client plays the faults
 * the file names, for every code path at once.
 */
export function createClickHouseClient(target: ClickHouseTarget, faults?: FaultInjection): ClickHouseClient {
  const client = connect(target);
  return faults ? withFaultInjection(client, new FaultPlanFile(faults.file, faults.warn)) : client;
}

function connect(target: ClickHouseTarget): ClickHouseClient {
  if (target.kind === 'embedded') {
    // chdb implements the connection contract of @clickhouse/client-common 1.23.0; @clickhouse/client 1.23.1
    // declares its own copy of those types, which differ only in the list of known settings.
    const connection = createChdbConnection({ path: target.path }) as unknown as ClickHouseClientConfigOptions['connection'];
    return createClient({ connection });
  }
  return createClient({
    url: target.url,
    username: target.username,
    password: target.password,
    request_timeout: 30_000,
    compression: { request: false, response: true },
  });
}

export function describeTarget(target: ClickHouseTarget): string {
  return target.kind === 'embedded' ? `embedded ClickHouse (chdb) at ${target.path}` : `ClickHouse server ${new URL(target.url).origin}`;
}
