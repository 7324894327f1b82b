import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import type { z } from 'zod';
import {
  ACTIVE_ALERT_STATES,
  COMPARED_FIGURES,
  loginRequestSchema,
  alertActionRequestSchema,
  alertListQuerySchema,
  kpiQuerySchema,
  reportBatchSchema,
  ticketEventsBodySchema,
  type Alert,
  type AlertRulesFile,
  type CriticalRule,
  type KpiComparison,
  type KpiResponse,
  type PrincipalView,
  type ReferenceFile,
  type Report,
  type TicketEvent,
  type TicketSnapshot,
} from '@grid-command/contracts';
import {
  applyAlertAction,
  applyTicketEvent,
  criticalCandidates,
  dedupKeyOf,
  openAlert,
  withReports,
  buildSnapshot,
  findRecordedEvent,
  MIN_COMPARABLE_TICKETS,
  openTicket,
  parseScope,
  ReferenceIndex,
  resolveKpiPeriod,
  workflowFigures,
  type TicketRules,
} from '@grid-command/domain';

/** A ticket of the fake API; its first read answers 503 ticket_pending, as a report still being stored does. */
interface FakeTicket {
  ticket: TicketSnapshot;
  readonly history: TicketEvent[];
  pending: boolean;
}

/** An alert of the fake API and the reports behind it. */
interface FakeAlert {
  alert: Alert;
  readonly reports: Report[];
  /** A colleague acts on it just before the script's first action, so the script meets a 409 once. */
  contested: boolean;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The credentials the fake API knows, as an admin would have issued them; the smoke passes them as `-e` values. */
export const FAKE_CREDENTIALS = {
  ingestKey: 'fake-ingest-key-0123456789',
  username: 'k6-duty',
  password: 'fake password 0123',
  /** What the login answers, and what `-e ACCESS_TOKEN` may carry. */
  accessToken: 'fake-access-token-0123456789',
  displayToken: 'fake-display-token-0123456789',
} as const;

type FakePrincipal = PrincipalView & { readonly credential: 'ingest key' | 'user' | 'display token' };

const DISTRICT = 'district:450103';
const PRINCIPALS: ReadonlyMap<string, FakePrincipal> = new Map([
  [FAKE_CREDENTIALS.ingestKey, { credential: 'ingest key', kind: 'ingest_key', id: 'key-1', name: 'k6 网格平台', roles: ['ingest'], scopes: [DISTRICT], expiresAt: null }],
  [
    FAKE_CREDENTIALS.accessToken,
    { credential: 'user', kind: 'user', id: 'user-1', name: FAKE_CREDENTIALS.username, roles: ['duty_officer'], scopes: [DISTRICT], expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
  ],
  [FAKE_CREDENTIALS.displayToken, { credential: 'display token', kind: 'display_token', id: 'wall-1', name: 'k6 大屏', roles: ['leader'], scopes: [DISTRICT], expiresAt: null }],
]);

/** Who may call each route of the fake, as the real policy table says (by kind of credential). */
type Allowed = ReadonlyArray<FakePrincipal['credential']>;
const READS: Allowed = ['user', 'display token'];

/** `test.abort()` stops the test where it is called, as k6's does; the smoke tells an expected abort from a failure. */
export class TestAborted extends Error {}

interface Params {
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Just enough of k6's runtime to execute a bundle's scenarios without k6: the modules it imports,
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
  private readonly tickets = new Map<string, FakeTicket>();
  private readonly alerts = new Map<string, FakeAlert>();
  /** Dedup key → id of the alert open for it. */
  private readonly openAlerts = new Map<string, string>();
  /** Whether the one post of reports this fake refuses with Retry-After has come, and come back with the same ids. */
  backpressure: { readonly state: 'not_yet' } | { readonly state: 'refused'; readonly ids: readonly string[] } | { readonly state: 'resent' } = { state: 'not_yet' };

  constructor(
    readonly context: vm.Context,
    private readonly bundleDir: string,
    reference: ReferenceFile,
    private readonly rules: TicketRules,
    private readonly alertRules: AlertRulesFile,
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
      'k6/execution': { default: { test: { abort: (reason: string) => this.abort(reason) }, vu: { idInTest: 1 } } },
      'k6/timers': { setTimeout: (callback: () => void) => this.timers.push(callback), clearTimeout: () => undefined },
      'k6/websockets': { WebSocket: this.webSocket() },
    };
  }

  /** Why the test was aborted; null while it runs. */
  aborted: string | null = null;

  private abort(reason: string): never {
    this.aborted = reason;
    throw new TestAborted(reason);
  }

  /** The principal of the request's bearer if it may call the route; else the 401/403 the real API answers, noted as a problem. */
  private authorize(route: string, params: Params | undefined, allowed: Allowed): FakePrincipal | ReturnType<FakeK6['respond']> {
    const header = Object.entries(params?.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    const principal = header === undefined ? undefined : PRINCIPALS.get(header.replace(/^Bearer /, ''));
    if (principal === undefined) {
      this.problems.push(`${route}: ${header === undefined ? 'sent without a credential' : 'sent with a credential the API never issued'}`);
      return this.error(401, 'unauthenticated');
    }
    if (!allowed.includes(principal.credential)) {
      this.problems.push(`${route}: sent with the ${principal.credential}, which may not call it (${allowed.join(' or ')} may)`);
      return this.error(403, 'forbidden');
    }
    return principal;
  }

  private login(url: string, body: string): ReturnType<FakeK6['respond']> {
    const parsed = loginRequestSchema.safeParse(JSON.parse(body));
    if (!parsed.success) {
      this.problems.push(`POST ${url} with a body the API would refuse`);
      return this.error(400, 'invalid_body');
    }
    if (parsed.data.username !== FAKE_CREDENTIALS.username || parsed.data.password !== FAKE_CREDENTIALS.password) return this.error(401, 'unauthenticated');
    const user = {
      id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
      username: FAKE_CREDENTIALS.username,
      displayName: 'k6 值班员',
      roles: ['duty_officer'],
      scopes: [DISTRICT],
      disabled: false,
      createdAt: new Date().toISOString(),
    };
    return this.respond(200, { accessToken: FAKE_CREDENTIALS.accessToken, refreshToken: 'fake-refresh-token', expiresIn: 900, user });
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

  private respond(status: number, body: unknown, headers: Record<string, string> = {}): { status: number; headers: Record<string, string>; json(): unknown } {
    const text = JSON.stringify(body);
    return { status, headers: { 'Content-Type': 'application/json', ...headers }, json: () => this.parseJson(text) };
  }

  private error(status: number, error: string, headers: Record<string, string> = {}): ReturnType<FakeK6['respond']> {
    return this.respond(status, { statusCode: status, error, message: error }, headers);
  }

  private postReports(url: string, body: string): ReturnType<FakeK6['respond']> {
    const parsed = reportBatchSchema.safeParse(JSON.parse(body));
    if (!parsed.success) {
      this.problems.push(`POST ${url} with a body the API would refuse`);
      return this.error(400, 'invalid_body');
    }
    const reports = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    // The first post of a run is shed as a loaded server sheds it; the script must send the same ids again later.
    if (this.backpressure.state === 'not_yet') {
      this.backpressure = { state: 'refused', ids: reports.map((report) => report.id) };
      return this.error(503, 'overloaded', { 'Retry-After': '1' });
    }
    if (this.backpressure.state === 'refused' && this.backpressure.ids.every((id) => reports.some((report) => report.id === id))) this.backpressure = { state: 'resent' };
    for (const report of reports) this.tickets.set(report.id, { ticket: openTicket(report, this.rules), history: [], pending: true });
    this.raiseCriticalAlerts(reports);
    return this.respond(202, { accepted: reports.length, duplicates: 0 });
  }

  /** The critical rules of the alert rules file, at once (the real server raises them as the batch is stored). */
  private raiseCriticalAlerts(reports: readonly Report[]): void {
    const now = new Date();
    const facts = reports.map((report) => ({ ...report, reportedAtMs: Date.parse(report.reportedAt) }));
    const rules = this.alertRules.rules.filter((rule): rule is CriticalRule => rule.kind === 'critical' && rule.enabled);
    for (const candidate of rules.flatMap((rule) => criticalCandidates(rule, facts))) {
      const added = reports.filter((report) => candidate.reportIds.includes(report.id));
      const openId = this.openAlerts.get(dedupKeyOf(candidate));
      const open = openId === undefined ? undefined : this.alerts.get(openId);
      if (open) {
        open.reports.push(...added);
        open.alert = withReports(open.alert, candidate.reportIds, open.reports.length, null, now) ?? open.alert;
        continue;
      }
      const scopeName = this.reference.find(parseScope(candidate.scope))?.name ?? candidate.scope;
      const alert = openAlert(candidate, { id: randomUUID(), scopeName, now, bounds: this.alertRules.response[candidate.rule.severity] });
      this.alerts.set(alert.id, { alert, reports: [...added], contested: true });
      this.openAlerts.set(alert.dedupKey, alert.id);
    }
  }

  private listAlerts(url: string, search: string): ReturnType<FakeK6['respond']> {
    const parsed = this.scopedQuery(url, search, alertListQuerySchema);
    if ('refused' in parsed) return parsed.refused;
    const { query, scope } = parsed;
    const states = query.state?.split(',') ?? ACTIVE_ALERT_STATES;
    const alerts = [...this.alerts.values()]
      .map(({ alert }) => alert)
      .filter((alert) => parseScope(alert.scope).code.startsWith(scope.code) && states.includes(alert.state));
    return this.respond(200, { asOf: new Date().toISOString(), alerts: alerts.slice(0, query.limit), truncated: alerts.length > query.limit, mutes: [] });
  }

  /** A query string the real API would accept, naming a scope of the reference; else the 400 it would answer. */
  private scopedQuery<T extends { scope: string }>(
    url: string,
    search: string,
    schema: z.ZodType<T>,
  ): { query: T; scope: NonNullable<ReturnType<ReferenceIndex['find']>> } | { refused: ReturnType<FakeK6['respond']> } {
    const query = schema.safeParse(Object.fromEntries(new URLSearchParams(search)));
    if (!query.success) {
      this.problems.push(`GET ${url}: a query the API would refuse`);
      return { refused: this.error(400, 'invalid_parameter') };
    }
    const scope = this.reference.find(parseScope(query.data.scope));
    if (!scope) throw new Error(`the script asked for ${query.data.scope}, which the reference does not have`);
    return { query: query.data, scope };
  }

  private alertDetail(id: string): ReturnType<FakeK6['respond']> {
    const stored = this.alerts.get(id);
    if (!stored) return this.error(404, 'not_found');
    const reports = stored.reports.map(({ id: reportId, gridCode, category, severity, source, reportedAt, description }) => ({
      id: reportId,
      gridCode,
      category,
      severity,
      source,
      reportedAt,
      description: description ?? null,
    }));
    return this.respond(200, { alert: stored.alert, reports });
  }

  /** The real endpoint's rules (the domain's lifecycle): 200 with the next version, or 409 with the alert as it is. */
  private actOnAlert(url: string, id: string, body: string, by: FakePrincipal): ReturnType<FakeK6['respond']> {
    const parsed = alertActionRequestSchema.safeParse(JSON.parse(body));
    if (!parsed.success) {
      this.problems.push(`POST ${url} with an action the API would refuse: ${parsed.error.issues[0]?.message ?? ''}`);
      return this.error(400, 'invalid_body');
    }
    const stored = this.alerts.get(id);
    if (!stored) {
      this.problems.push(`POST ${url}: no such alert`);
      return this.error(404, 'not_found');
    }
    const now = new Date();
    const bounds = this.alertRules.response[stored.alert.severity];
    if (stored.contested) {
      stored.contested = false;
      const colleague = applyAlertAction(stored.alert, { action: 'acknowledge', by: 'fake-colleague' }, now, bounds);
      if (colleague.kind === 'applied') stored.alert = colleague.alert;
    }
    const outcome = applyAlertAction(stored.alert, { ...parsed.data, by: by.name }, now, bounds);
    if (outcome.kind === 'conflict') {
      return this.respond(409, { statusCode: 409, error: 'alert_conflict', message: outcome.message, alert: stored.alert });
    }
    stored.alert = outcome.alert;
    if (outcome.alert.state === 'closed') this.openAlerts.delete(outcome.alert.dedupKey);
    return this.respond(200, { alert: outcome.alert, tickets: [] });
  }

  /** The real endpoint's rules: all or none, idempotent on (type, at), 409 for an illegal transition. */
  private postEvents(url: string, id: string, body: string, actor: FakePrincipal): ReturnType<FakeK6['respond']> {
    const parsed = ticketEventsBodySchema.safeParse(JSON.parse(body));
    if (!parsed.success) {
      this.problems.push(`POST ${url} with events the API would refuse: ${parsed.error.issues[0]?.message ?? ''}`);
      return this.error(400, 'invalid_body');
    }
    const stored = this.tickets.get(id);
    if (!stored) {
      this.problems.push(`POST ${url}: no report with this id was posted`);
      return this.error(404, 'not_found');
    }
    if (stored.pending) return this.error(503, 'ticket_pending', { 'Retry-After': '1' });
    let { ticket } = stored;
    const history = [...stored.history];
    const answered: TicketEvent[] = [];
    let recorded = 0;
    for (const input of Array.isArray(parsed.data) ? parsed.data : [parsed.data]) {
      const known = findRecordedEvent(history, input);
      if (known) {
        answered.push(known);
        continue;
      }
      const outcome = applyTicketEvent(ticket, { ...input, actor: actor.name }, randomUUID(), new Date(Date.now() + 300_000), this.rules);
      if (outcome.kind !== 'applied') {
        this.problems.push(`POST ${url}: ${outcome.kind === 'illegal_transition' ? outcome.message : `${outcome.path} ${outcome.message}`}`);
        return this.error(outcome.kind === 'illegal_transition' ? 409 : 422, outcome.kind);
      }
      ticket = outcome.ticket;
      history.push(outcome.event);
      answered.push(outcome.event);
      recorded += 1;
    }
    stored.ticket = ticket;
    stored.history.splice(0, stored.history.length, ...history);
    return this.respond(recorded > 0 ? 202 : 200, { recorded, duplicates: answered.length - recorded, events: answered, ticket });
  }

  private getTicket(id: string): ReturnType<FakeK6['respond']> {
    const stored = this.tickets.get(id);
    if (!stored) return this.error(404, 'not_found');
    if (stored.pending) {
      stored.pending = false;
      return this.error(503, 'ticket_pending', { 'Retry-After': '1' });
    }
    return this.respond(200, { ticket: stored.ticket, history: stored.history });
  }

  /** KPIs over the fake's own tickets, from the domain's definitions. */
  private kpis(url: string, search: string): ReturnType<FakeK6['respond']> {
    const parsed = this.scopedQuery(url, search, kpiQuerySchema);
    if ('refused' in parsed) return parsed.refused;
    const { query, scope } = parsed;
    const now = new Date();
    const { period: kind, from = '', to = '' } = query;
    const period = resolveKpiPeriod(kind === 'custom' ? { kind, from, to } : { kind }, now, 'Asia/Shanghai');
    const tickets = [...this.tickets.values()].map((stored) => stored.ticket).filter((ticket) => ticket.gridCode.startsWith(scope.code));
    const range = (of: { from: Date; to: Date }) => ({ from: of.from.toISOString(), to: of.to.toISOString() });
    const answer: KpiResponse = {
      scope: scope.scope,
      scopeName: scope.name,
      period: query.period,
      generatedAt: now.toISOString(),
      range: range(period.range),
      previousRange: range(period.previous),
      lastYearRange: range(period.lastYear),
      current: workflowFigures(tickets, period.range),
      previous: null,
      lastYear: null,
      previousComparison: withoutHistory(range(period.previous), now),
      lastYearComparison: withoutHistory(range(period.lastYear), now),
      overdueNow: 0,
      overdue: [],
      ranking: null,
      resolveDistribution: [],
    };
    return this.respond(200, answer);
  }

  private http(): Record<string, unknown> {
    return {
      expectedStatuses: (...statuses: number[]) => ({ statuses }),
      post: (url: string, body: string, params?: Params) => {
        this.requests.push(`POST ${url}`);
        if (url.endsWith('/api/v1/auth/login')) return this.login(url, body);
        const as = (allowed: Allowed, handle: (principal: FakePrincipal) => ReturnType<FakeK6['respond']>) => {
          const principal = this.authorize(`POST ${url}`, params, allowed);
          return 'credential' in principal ? handle(principal) : principal;
        };
        if (url.endsWith('/api/v1/reports')) return as(['ingest key'], () => this.postReports(url, body));
        const ticket = /\/api\/v1\/tickets\/([0-9a-f-]{36})\/events$/.exec(url)?.[1];
        if (ticket !== undefined) return as(['ingest key', 'user'], (actor) => this.postEvents(url, ticket, body, actor));
        const alert = new RegExp(`/api/v1/alerts/(${UUID})/actions$`).exec(url)?.[1];
        if (alert !== undefined) return as(['user'], (by) => this.actOnAlert(url, alert, body, by));
        this.problems.push(`POST ${url}: not an API route`);
        return this.error(404, 'not_found');
      },
      get: (url: string, params?: Params) => {
        this.requests.push(`GET ${url}`);
        if (url.endsWith('/health/ready')) return this.respond(200, { status: 'ready' });
        const as = (allowed: Allowed, handle: (principal: FakePrincipal) => ReturnType<FakeK6['respond']>) => {
          const principal = this.authorize(`GET ${url}`, params, allowed);
          return 'credential' in principal ? handle(principal) : principal;
        };
        if (url.endsWith('/api/v1/auth/me')) return as(['ingest key', 'user', 'display token'], ({ credential: _credential, ...view }) => this.respond(200, view));
        const scope = /\/api\/v1\/snapshot\?scope=([^&]+)$/.exec(url)?.[1];
        if (scope !== undefined) return as(READS, () => this.respond(200, this.snapshot(decodeURIComponent(scope))));
        const ticket = /\/api\/v1\/tickets\/([0-9a-f-]{36})$/.exec(url)?.[1];
        if (ticket !== undefined) return as(READS, () => this.getTicket(ticket));
        const kpis = /\/api\/v1\/kpis\?(.*)$/.exec(url)?.[1];
        if (kpis !== undefined) return as(READS, () => this.kpis(url, kpis));
        const alerts = /\/api\/v1\/alerts\?(.*)$/.exec(url)?.[1];
        if (alerts !== undefined) return as(READS, () => this.listAlerts(url, alerts));
        const alert = new RegExp(`/api/v1/alerts/(${UUID})$`).exec(url)?.[1];
        if (alert !== undefined) return as(READS, () => this.alertDetail(alert));
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

  /**
   * A socket.io v4 server on the far side of the socket: handshake, namespace (with a reader's credential in its
   * CONNECT packet, refused otherwise), subscribe ack, one push, one ping.
   */
  private webSocket(): new (url: string) => unknown {
    const server = {
      mayRead: (token: unknown) => typeof token === 'string' && READS.includes(PRINCIPALS.get(token)?.credential ?? 'ingest key'),
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
        if (data.startsWith('40/live,')) {
          const auth = parseAuth(data.slice('40/live,'.length));
          if (server.mayRead(auth?.token)) this.deliver('40/live,{"sid":"fake-live"}');
          else {
            server.problem(`namespace CONNECT without a reader's token in its auth payload: ${data.slice(0, 80)}`);
            this.deliver('44/live,{"message":"unauthorized"}');
          }
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

/** The auth payload of a namespace CONNECT packet (`40/live,{"token":"…"}`), or null when there is none. */
function parseAuth(text: string): { token?: unknown } | null {
  try {
    return JSON.parse(text) as { token?: unknown };
  } catch {
    return null;
  }
}

/** The fake keeps no history: every comparison says so, as the server's does before its history reaches back. */
function withoutHistory(range: KpiComparison['range'], now: Date): KpiComparison {
  const figures = Object.fromEntries(COMPARED_FIGURES.map((figure) => [figure, { status: 'not_comparable', reason: 'no_history' }])) as KpiComparison['figures'];
  return { basis: 'same_point_same_age', range, asOf: now.toISOString(), minTickets: MIN_COMPARABLE_TICKETS, figures };
}
