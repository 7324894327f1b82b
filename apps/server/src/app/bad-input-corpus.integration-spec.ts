import { ReportStore } from '@grid-command/clickhouse';
import {
  alertListSchema,
  alertMuteSchema,
  apiErrorSchema,
  LIVE_NAMESPACE,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type SubscribeAck,
} from '@grid-command/contracts';
import { createRedis, QUEUE_PREFIX, ReportDeadLetters, REPORTS_QUEUE } from '@grid-command/queue';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import {
  badInputCorpus,
  CORPUS_MAX_BODY_BYTES,
  tally,
  validReport,
  type CorpusBody,
  type CorpusCredential,
  type CorpusWorld,
  type HttpCase,
  type SocketCase,
} from '../testing/bad-input-corpus';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';
import { RedisRuntime } from './infrastructure/redis-runtime.service';

const DISTRICT = 'district:450103';
const grids = demoGridCodes();
const GRID = grids[0] ?? '';
const STREET = `street:${GRID.slice(0, 9)}`;
const OTHER_STREET_GRID = grids.find((grid) => !grid.startsWith(GRID.slice(0, 9))) ?? '';
/** A valid report is posted after every this many bad inputs, so refusals are checked amid real traffic. */
const VALID_EVERY = 8;

type LiveClient = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

describe('the bad-input corpus against the live server', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let credentials: Record<Exclude<CorpusCredential, 'none'>, string>;
  let world: CorpusWorld;
  let socket: LiveClient;
  /** Reports answered 2xx as accepted (not duplicates): exactly what ClickHouse must hold at the end. */
  let acceptedReports = 0;

  const send = async (method: string, path: string, credential: CorpusCredential, body?: CorpusBody): Promise<{ status: number; text: string }> => {
    const headers: Record<string, string> = {};
    if (credential !== 'none') headers['authorization'] = `Bearer ${credentials[credential]}`;
    let payload: string | undefined;
    if (body !== undefined && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body !== undefined) {
      if (body.contentType !== null) headers['content-type'] = body.contentType;
      payload = body.raw;
    }
    const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body: payload });
    return { status: response.status, text: await response.text() };
  };

  const postValidReport = async (): Promise<void> => {
    const answer = await send('POST', '/api/v1/reports', 'ingestKey', { json: validReport(GRID) });
    expect(answer.status).toBe(202);
    acceptedReports += (JSON.parse(answer.text) as { accepted: number }).accepted;
  };

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, {
      INGEST_MAX_BODY_BYTES: String(CORPUS_MAX_BODY_BYTES),
      // The corpus is one client sending a few hundred requests in seconds; rate limits have their own tests.
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '1000000',
      RATE_LIMIT_INGEST_KEY_PER_SECOND: '1000000',
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '1000000',
      LIVE_MAX_EVENTS_PER_SECOND: '1000',
    });
    credentials = {
      ingestKey: await server.credentials.ingestKey(DISTRICT),
      streetKey: await server.credentials.ingestKey(STREET),
      officer: await server.credentials.userToken({ roles: ['duty_officer'], scopes: [DISTRICT] }),
      leader: await server.credentials.userToken({ roles: ['leader'], scopes: [DISTRICT] }),
      admin: await server.credentials.adminToken(),
      garbage: 'x'.repeat(43),
    };

    // A stored ticket and an open alert (a severity-4 report raises one at once) for the routes that act on them.
    const ticketReport = validReport(GRID);
    const critical: Record<string, unknown> = { ...validReport(GRID), severity: 4, category: 'fire_safety' };
    for (const report of [ticketReport, critical]) {
      const answer = await send('POST', '/api/v1/reports', 'ingestKey', { json: report });
      expect(answer.status).toBe(202);
      acceptedReports += 1;
    }
    const ticketId = String(ticketReport['id']);
    await until(async () => ((await callApi(server, 'GET', `/api/v1/tickets/${ticketId}`, undefined, credentials.leader)).status === 200 ? true : undefined), 20_000, 'the ticket stored');
    const alertId = await until(async () => {
      const list = alertListSchema.parse((await callApi(server, 'GET', `/api/v1/alerts?scope=${DISTRICT}`, undefined, credentials.leader)).body);
      return list.alerts.find((alert) => alert.reportIds.includes(String(critical['id'])))?.id;
    }, 20_000, 'the critical alert');
    const mute = await callApi(server, 'POST', '/api/v1/alert-mutes', { scope: `grid:${OTHER_STREET_GRID}`, minutes: 30, reason: '管道维修' }, credentials.officer);
    expect(mute.status).toBe(201);
    world = { gridCode: GRID, otherStreetGrid: OTHER_STREET_GRID, ticketId, alertId, muteId: alertMuteSchema.parse(mute.body).id };

    socket = await connectSocket();
  }, 180_000);

  afterAll(async () => {
    socket?.close();
    await server?.close();
    dataDir.remove();
  });

  /** What is wrong with the answer to a case, or null when it is the documented refusal naming the field. */
  const checkHttp = async (item: HttpCase): Promise<string | null> => {
    const answer = await send(item.method, item.path, item.credential, item.body);
    if (answer.status !== item.status) return `answered ${answer.status}, expected ${item.status}: ${answer.text.slice(0, 300)}`;
    const parsed = apiErrorSchema.safeParse(JSON.parse(answer.text));
    if (!parsed.success) return `answered a body that is not the public error shape: ${answer.text.slice(0, 300)}`;
    const said = [parsed.data.message, ...(parsed.data.issues ?? []).flatMap((issue) => [issue.path, issue.message])].join(' | ');
    return said.includes(item.names) ? null : `does not name ${JSON.stringify(item.names)}: ${said.slice(0, 300)}`;
  };

  const connectSocket = async (): Promise<LiveClient> => {
    const opened: LiveClient = io(`${server.baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: credentials.leader } });
    await new Promise<void>((resolve, reject) => {
      opened.once('connect', resolve);
      opened.once('connect_error', reject);
    });
    return opened;
  };

  const checkSocket = async (item: SocketCase): Promise<string | null> => {
    // The event names are typed with their payloads; the corpus sends what no typed client could.
    const untyped = socket.timeout(5_000) as unknown as { emitWithAck(event: string, payload: unknown): Promise<SubscribeAck> };
    if (item.error === 'disconnect') {
      const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      untyped.emitWithAck(item.event, item.payload).catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const reason = await Promise.race([closed, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 5_000)))]);
      clearTimeout(timer);
      socket.close();
      socket = await connectSocket();
      return reason === null ? 'the server kept the socket open' : null;
    }
    const ack = await untyped.emitWithAck(item.event, item.payload).catch((error: Error) => ({ ok: 'no answer', error: error.message }));
    if (ack.ok !== false) return `acknowledged ${JSON.stringify(ack).slice(0, 200)}`;
    if (ack.error !== item.error) return `refused with ${ack.error}, expected ${item.error}`;
    return null;
  };

  it('answers every bad input with its documented 4xx naming the field, amid valid reports', async () => {
    const corpus = badInputCorpus(world);
    const failures: string[] = [];
    for (const [position, item] of corpus.entries()) {
      const failure = item.kind === 'http' ? await checkHttp(item) : await checkSocket(item);
      if (failure) failures.push(`${item.name}: ${failure}`);
      if (position % VALID_EVERY === VALID_EVERY - 1) await postValidReport();
    }
    const counts = tally(corpus);
    process.stdout.write(`bad-input corpus: ${counts.total} cases\n${JSON.stringify(counts, null, 2)}\n`);
    expect(counts.total).toBeGreaterThanOrEqual(300);
    expect(failures).toEqual([]);
  }, 600_000);

  it('is still up, and ClickHouse holds exactly the reports that were answered as accepted', async () => {
    expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
    // Once the queue is drained, anything wrongly let through would be stored too.
    const connection = createRedis(server.app.get(RedisRuntime).target, 'producer', 'corpus-queue-reader');
    const queue = new Queue(REPORTS_QUEUE, { prefix: QUEUE_PREFIX, connection });
    const counts = await until(async () => {
      const jobs = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      return (jobs['waiting'] ?? 0) + (jobs['active'] ?? 0) + (jobs['delayed'] ?? 0) + (jobs['prioritized'] ?? 0) === 0 ? jobs : undefined;
    }, 30_000, 'the report queue drained');
    await queue.close();
    await connection.quit();
    expect(counts['failed']).toBe(0);
    expect(await server.app.get(ReportStore).countStored()).toEqual({ rows: acceptedReports, distinctIds: acceptedReports });
    expect(await server.app.get(ReportDeadLetters).count()).toBe(0);
    process.stdout.write(`bad-input corpus: ${acceptedReports} valid reports accepted, ${acceptedReports} in ClickHouse\n`);
  }, 60_000);
});
