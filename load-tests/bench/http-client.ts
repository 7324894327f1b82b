import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly ms: number;
  /** The `Retry-After` header, when the server sent one (503 answers). */
  readonly retryAfter?: string;
}

/** The credential a request carries, read at send time (an access token is renewed while the bench runs). */
export type Bearer = () => string;

/**
 * Plain node:http over a fixed pool of keep-alive connections: less client overhead than fetch, so on a
 * shared two-core machine more of the CPU goes to the server being measured. `as` gives a client over the same
 * connections whose every request carries a credential.
 */
export class KeepAliveClient {
  private readonly agent: Agent;

  constructor(private readonly baseUrl: string, connections: number | Agent, private readonly bearer: Bearer | null = null) {
    this.agent = typeof connections === 'number' ? new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections }) : connections;
  }

  as(bearer: Bearer): KeepAliveClient {
    return new KeepAliveClient(this.baseUrl, this.agent, bearer);
  }

  send(method: 'GET' | 'POST', path: string, body?: string, timeoutMs = 30_000): Promise<HttpAnswer> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const outgoing = request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            ...(this.bearer === null ? {} : { authorization: `Bearer ${this.bearer()}` }),
            ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // Not JSON: the caller sees the text and the status.
            }
            const retryAfter = response.headers['retry-after'];
            resolve({ status: response.statusCode ?? 0, body: parsed, ms: performance.now() - started, ...(retryAfter === undefined ? {} : { retryAfter }) });
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
