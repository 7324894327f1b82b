import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';

export type ClickHouseTarget =
  | { readonly kind: 'embedded'; readonly path: string }
  | { readonly kind: 'server'; readonly url: string; readonly username?: string; readonly password?: string };

/**
 * The same `@clickhouse/client` API for both: a real server over HTTP, or ClickHouse running inside this
 * process through chdb. One process owns an embedded data directory.
 */
export function createClickHouseClient(target: ClickHouseTarget): ClickHouseClient {
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
