import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { reportBatchSchema, type ReferenceFile } from '@grid-command/contracts';
import { buildSnapshot, parseScope, ReferenceIndex } from '@grid-command/domain';

/**
 * Just enough of k6's runtime to execute a bundle once per scenario without k6: the modules it imports,
 * and an in-memory grid-command API behind k6/http and k6/websockets that answers as the real one does
 * and validates what the script sends against the contracts.
 */
export class FakeK6 {
  readonly checkFailures: string[] = [];
  readonly metrics = new Map<string, number>();
  readonly requests: string[] = [];
  readonly problems: string[] = [];
  private readonly tasks: Array<() => void> = [];
  private readonly timers: Array<() => void> = [];
  private readonly reference: ReferenceIndex;
  private readonly parseJson: (text: string) => unknown;

  constructor(
    readonly context: vm.Context,
    private readonly bundleDir: string,
    reference: ReferenceFile,
  ) {
    this.reference = new ReferenceIndex([reference]);
    // Values handed to the script are built in its own realm, as k6 builds them in its runtime.
    this.parseJson = vm.runInContext('(text) => JSON.parse(text)', context) as (text: string) => unknown;
  }

  /** Globals k6 defines in every script; nothing of Node or the browser (no URL, fetch, TextEncoder). */
  static globals(bundleDir: string, env: Record<string, string>): Record<string, unknown> {
    return {
      __ENV: env,
      __VU: 1,
      __ITER: 0,
      console,
      open: (path: string) => readFileSync(resolve(bundleDir, path), 'utf8'),
    };
  }

  /** Runs queued socket events, then the timers the script set (time jumps ahead), until nothing is left. */
  drain(): void {
    for (let guard = 0; guard < 10_000; guard += 1) {
      const task = this.tasks.shift() ?? this.timers.shift();
      if (!task) return;
      task();
    }
    this.problems.push('the event loop never went quiet');
  }

  /** The exports of each k6 module, by specifier. */
  modules(): Record<string, Record<string, unknown>> {
    return {
      k6: { check: (value: unknown, sets: Record<string, (value: unknown) => boolean>) => this.check(value, sets), sleep: () => undefined },
      'k6/http': { default: this.http() },
      'k6/metrics': { Counter: this.metric(), Rate: this.metric(), Trend: this.metric() },
      'k6/data': { SharedArray: class<T> { constructor(_name: string, build: () => T[]) { return build(); } } },
      'k6/crypto': { randomBytes: (size: number) => randomBytes(size).buffer },
      'k6/execution': { default: { test: { abort: (reason: string) => this.problems.push(`test aborted: ${reason}`) }, vu: { idInTest: 1 } } },
      'k6/timers': { setTimeout: (callback: () => void) => this.timers.push(callback), clearTimeout: () => undefined },
      'k6/websockets': { WebSocket: this.webSocket() },
    };
  }

  private check(value: unknown, sets: Record<string, (value: unknown) => boolean>): boolean {
    let passed = true;
    for (const [name, predicate] of Object.entries(sets)) {
      if (!predicate(value)) {
        passed = false;
        this.checkFailures.push(name);
      }
    }
    return passed;
  }

  private metric(): new (name: string) => { add(value: number | boolean): void } {
    const metrics = this.metrics;
    return class {
      constructor(private readonly name: string) {
        metrics.set(name, 0);
      }
      add(value: number | boolean): void {
        metrics.set(this.name, (metrics.get(this.name) ?? 0) + Number(value));
      }
    };
  }

  private respond(status: number, body: unknown): { status: number; json(): unknown } {
    const text = JSON.stringify(body);
    return { status, json: () => this.parseJson(text) };
  }

  private http(): Record<string, unknown> {
    return {
      expectedStatuses: (...statuses: number[]) => ({ statuses }),
      post: (url: string, body: string) => {
        this.requests.push(`POST ${url}`);
        const parsed = reportBatchSchema.safeParse(JSON.parse(body));
        if (!url.endsWith('/api/v1/reports') || !parsed.success) {
          this.problems.push(`POST ${url} with a body the API would refuse`);
          return this.respond(400, { statusCode: 400, error: 'invalid_body', message: 'invalid' });
        }
        const count = Array.isArray(parsed.data) ? parsed.data.length : 1;
        return this.respond(202, { accepted: count, duplicates: 0 });
      },
      get: (url: string) => {
        this.requests.push(`GET ${url}`);
        if (url.endsWith('/health/ready')) return this.respond(200, { status: 'ready' });
        const scope = /\/api\/v1\/snapshot\?scope=([^&]+)$/.exec(url)?.[1];
        if (scope !== undefined) return this.respond(200, this.snapshot(decodeURIComponent(scope)));
        this.problems.push(`GET ${url}: not an API route`);
        return this.respond(404, { statusCode: 404, error: 'not_found', message: 'not found' });
      },
    };
  }

  private snapshot(scopeId: string): unknown {
    const scope = parseScope(scopeId);
    const summary = this.reference.find(scope);
    if (!summary) throw new Error(`the script asked for ${scopeId}, which the reference does not have`);
    const aggregates = { todayByCategory: [], todayByChild: [], perMinute: [], perGridLastHour: [], watermark: null };
    return buildSnapshot({
      scope: summary,
      children: this.reference.children(scope),
      gridCount: this.reference.gridCount(scope),
      now: new Date(),
      timeZone: 'Asia/Shanghai',
      aggregates,
    });
  }

  /** A socket.io v4 server on the far side of the socket: handshake, namespace, subscribe ack, one push, one ping. */
  private webSocket(): new (url: string) => unknown {
    const server = {
      problem: (problem: string) => this.problems.push(problem),
      snapshot: (scope: string) => this.snapshot(scope),
      enqueue: (task: () => void) => this.tasks.push(task),
    };
    return class {
      private readonly listeners = new Map<string, Array<(event: unknown) => void>>();
      private closed = false;

      constructor(url: string) {
        if (!/^ws:\/\/[^/]+\/socket\.io\/\?EIO=4&transport=websocket$/.test(url)) server.problem(`websocket to ${url}: not a socket.io endpoint`);
        this.deliver('0{"sid":"fake","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}');
      }

      addEventListener(type: string, listener: (event: unknown) => void): void {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
      }

      send(data: string): void {
        if (data === '40/live,') {
          this.deliver('40/live,{"sid":"fake-live"}');
          return;
        }
        const subscribe = /^42\/live,(\d+)\["subscribe",(.*)\]$/.exec(data);
        if (subscribe) {
          const { scope } = JSON.parse(subscribe[2] ?? '{}') as { scope: string };
          this.deliver(`43/live,${subscribe[1]}[${JSON.stringify({ ok: true, scope })}]`);
          this.deliver(`42/live,${JSON.stringify(['snapshot', server.snapshot(scope)])}`);
          this.deliver('2');
          return;
        }
        if (data !== '3') server.problem(`websocket frame the server would not understand: ${data.slice(0, 80)}`);
      }

      close(): void {
        this.closed = true;
      }

      private deliver(data: string): void {
        server.enqueue(() => {
          if (this.closed) return;
          for (const listener of this.listeners.get('message') ?? []) listener({ data, type: 'message', timestamp: Date.now() });
        });
      }
    };
  }
}
