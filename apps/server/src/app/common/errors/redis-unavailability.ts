/**
 * Whether an error says Redis could not be reached, rather than that something is wrong with the request or the
 * code: such an error answers `503 unavailable` with `Retry-After` (the embedded redis-server is being restarted,
 * or an external one is away) wherever it is thrown — a capability, the access guard resolving a principal, a body
 * middleware. Raised by ioredis (offline queue off, connection closed, retries or command time spent), by BullMQ
 * (`ConnectionClosedError`) and by the socket itself (refused, missing unix socket, reset).
 */
export function isRedisUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if (describesUnavailability(cause)) return true;
  }
  return false;
}

const UNAVAILABLE_ERROR_NAMES: ReadonlySet<string> = new Set(['MaxRetriesPerRequestError', 'ConnectionClosedError', 'QueueUnavailableError']);

const UNAVAILABLE_MESSAGES: ReadonlySet<string> = new Set([
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
  'connect ETIMEDOUT',
]);

/** Codes of a connection that could not be made; `ENOENT` only from `connect`, since a missing file is a bug. */
const CONNECT_FAILURE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Codes of an established connection that broke. */
const BROKEN_CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);

function describesUnavailability(error: Error): boolean {
  if (UNAVAILABLE_ERROR_NAMES.has(error.name) || UNAVAILABLE_MESSAGES.has(error.message)) return true;
  // A restarted redis-server answers LOADING until its append-only file is read back.
  if (error.message.startsWith('LOADING ')) return true;
  // The socket's own error copied without its code, as some of BullMQ's paths pass it on.
  if (/^(connect (ECONNREFUSED|ENOENT|ETIMEDOUT)|read ECONNRESET|write EPIPE)\b/.test(error.message)) return true;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (code === undefined) return false;
  return BROKEN_CONNECTION_CODES.has(code) || (syscall === 'connect' && CONNECT_FAILURE_CODES.has(code));
}
