import type { Server } from 'node:http';

/** Headers of a request must arrive within this; a client that trickles them holds a connection for nothing. */
const HEADERS_TIMEOUT_MS = 10_000;
/** An idle keep-alive connection is closed after this (Node's default, said here so it is a decision). */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * Bounds how long one request may take to arrive, so slow bodies cannot hold connections for minutes (Node's
 * defaults are 60 s for headers and 300 s for the whole request). Node checks these every 30 s, so a request is cut
 * off between the bound and 30 s after it. WebSocket connections are upgraded and no longer counted.
 */
export function boundRequestTimes(server: Server, requestTimeoutMs: number): void {
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  server.requestTimeout = requestTimeoutMs;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
}
