/**
 * What a failed insert says about itself:
 * - `store_unavailable`: the store is away, busy or out of room; the same rows will go in once it is back, so the
 *   whole batch is retried later;
 * - `refused_data`: ClickHouse cannot parse or hold a value; the same rows would be refused on every retry;
 * - `unknown`: neither; the caller probes the store to tell.
 */
export type InsertFailure = 'store_unavailable' | 'refused_data' | 'unknown';

/** Errors of the network or of the client's connection, by their Node (or undici) code. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** @clickhouse/client's own words for a request that timed out or whose socket went away. */
const CONNECTION_MESSAGE = /^(Timeout error\.?|socket hang up|Request timed out|read ECONNRESET|connect ECONNREFUSED)/i;

/** ClickHouse's names for a store that is overloaded, out of resources or cut off, not for anything a row holds. */
const STORE_UNAVAILABLE_TYPES = new Set([
  'TOO_MANY_PARTS',
  'MEMORY_LIMIT_EXCEEDED',
  'TIMEOUT_EXCEEDED',
  'TOO_MANY_SIMULTANEOUS_QUERIES',
  'SOCKET_TIMEOUT',
  'NETWORK_ERROR',
  'ALL_CONNECTION_TRIES_FAILED',
  'NO_FREE_CONNECTION',
  'CANNOT_ALLOCATE_MEMORY',
  'NOT_ENOUGH_SPACE',
  'TABLE_IS_READ_ONLY',
  'READONLY',
  'QUERY_WAS_CANCELLED',
  'ABORTED',
  'KEEPER_EXCEPTION',
  'SERVER_OVERLOADED',
]);

/** ClickHouse's names for an insert refused because of what a row holds. */
const REFUSED_DATA_TYPE =
  /^(CANNOT_PARSE_\w+|CANNOT_READ_ALL_DATA|INCORRECT_DATA|TYPE_MISMATCH|CANNOT_CONVERT_TYPE|VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE|ARGUMENT_OUT_OF_BOUND|CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN|TOO_LARGE_STRING_SIZE|UNKNOWN_FIELD_IN_FORMAT)$/;

function fieldOf(error: unknown, field: 'code' | 'type' | 'message'): string | null {
  const value = (error as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : null;
}

export function classifyInsertFailure(error: unknown): InsertFailure {
  for (let cause: unknown = error, depth = 0; cause && depth < 3; cause = (cause as { cause?: unknown }).cause, depth += 1) {
    const code = fieldOf(cause, 'code');
    if (code !== null && CONNECTION_CODES.has(code)) return 'store_unavailable';
    if (CONNECTION_MESSAGE.test(fieldOf(cause, 'message') ?? '')) return 'store_unavailable';
  }
  const type = fieldOf(error, 'type');
  if (type !== null && STORE_UNAVAILABLE_TYPES.has(type)) return 'store_unavailable';
  if (type !== null && REFUSED_DATA_TYPE.test(type)) return 'refused_data';
  return 'unknown';
}

/** ClickHouse's reason, its first line, as an operator reads it. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const type = fieldOf(error, 'type');
  const firstLine = message.split('\n')[0]?.trim() || 'insert failed without a message';
  return type !== null && !firstLine.includes(type) ? `${type}: ${firstLine}` : firstLine;
}
