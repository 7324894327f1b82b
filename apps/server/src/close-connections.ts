import type { Server } from 'node:http';

/**
 * Node's `server.close()` waits for every open connection to end, and a client that keeps its keep-alive connection
 * busy (a feed posting every few milliseconds, retrying each 503) never lets one end: a SIGTERM under load hung until
 * the 30 s failsafe exited 1, answering 503 meanwhile since the stores close before the HTTP server. From the stop on,
 * every response closes its connection and idle connections close now, so the close Nest makes after the drain ends
 * once the requests then in flight are answered.
 */
export function closeConnectionsAfterTheirRequests(server: Server): void {
  server.prependListener('request', (_request, response) => response.setHeader('connection', 'close'));
  server.closeIdleConnections();
}
