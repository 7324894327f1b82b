/**
 * Many screens watching at once: command-center walls and street/community screens hold a socket.io
 * connection to /live and receive snapshot pushes, while other dashboards poll GET /api/v1/snapshot.
 * A light background feed keeps the numbers moving so pushes actually happen. Measures push delivery
 * (age of each snapshot on arrival), subscribe latency and polling latency. Screens and pollers read with the
 * walls' display tokens (taken in turn), or as a user when none is given; the feed posts with the ingest key.
 */
import { check } from 'k6';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { setTimeout } from 'k6/timers';
import { WebSocket, type MessageEvent } from 'k6/websockets';
import { LIVE_NAMESPACE, snapshotSchema, type SubscribeAck } from '@grid-command/contracts';
import { connectFrame, emitFrame, parseFrame, PONG_FRAME, socketIoUrl } from '../src/socket-io-frames';
import { hasDisplayTokens, requireDisplayTokens, requireIngestKey, signInUser, userToken, type UserSession } from './lib/credentials';
import { districtScope, wallScopes } from './lib/district';
import { BASE_URL, durationFromEnv, numberFromEnv, secondsOf } from './lib/env';
import { postReports, requireReady } from './lib/ingest';

const SCREENS = numberFromEnv('SCREENS', 200, 1, 50_000);
const HOLD_SECONDS = numberFromEnv('HOLD_SECONDS', 60, 5, 3_600);
const POLLS = numberFromEnv('POLLS', 50, 0, 10_000);
const FEED_RATE = numberFromEnv('FEED_RATE', 10, 0, 1_000);
const DURATION = durationFromEnv('DURATION', '5m');
const SUBSCRIBE_ACK_ID = 1;

const snapshotAge = new Trend('live_snapshot_age', true);
const subscribeLatency = new Trend('live_subscribe_ack', true);
const snapshotsReceived = new Counter('live_snapshots_received');
const liveFailures = new Rate('live_failures');

const GRACEFUL_STOP_SECONDS = HOLD_SECONDS + 5;

export const options: Options = {
  scenarios: {
    screens: { executor: 'constant-vus', vus: SCREENS, duration: DURATION, exec: 'screen', gracefulStop: `${GRACEFUL_STOP_SECONDS}s` },
    ...(POLLS > 0
      ? {
          pollers: {
            executor: 'constant-arrival-rate' as const,
            rate: POLLS,
            timeUnit: '1s',
            duration: DURATION,
            preAllocatedVUs: Math.max(2, Math.ceil(POLLS / 10)),
            maxVUs: Math.max(10, POLLS),
            exec: 'poll',
          },
        }
      : {}),
    ...(FEED_RATE > 0
      ? {
          feed: {
            executor: 'constant-arrival-rate' as const,
            rate: FEED_RATE,
            timeUnit: '1s',
            duration: DURATION,
            preAllocatedVUs: 2,
            maxVUs: 20,
            exec: 'feed',
          },
        }
      : {}),
  },
  thresholds: {
    live_snapshot_age: ['p(95)<1000', 'p(99)<2000'],
    live_subscribe_ack: ['p(95)<500'],
    live_failures: ['rate<0.01'],
    live_snapshots_received: ['count>0'],
    'http_req_duration{scenario:pollers}': ['p(95)<300', 'p(99)<800'],
    http_req_failed: ['rate<0.001'],
    checks: ['rate>0.99'],
  },
};

const scopesAt = (level: string): string[] => wallScopes.filter((scope) => scope.startsWith(`${level}:`));
/** Walls mostly show the district or a street; some communities have their own screen. */
const SCOPE_POOLS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0.3, scopesAt('district')],
  [0.7, scopesAt('street')],
  [1, scopesAt('community')],
];

function pickScope(): string {
  const draw = Math.random();
  const pool = SCOPE_POOLS.find(([upTo, scopes]) => draw < upTo && scopes.length > 0)?.[1] ?? wallScopes;
  return pool[Math.floor(Math.random() * pool.length)] ?? wallScopes[0] ?? '';
}

/** How screens and pollers read: the walls' display tokens, else one user's session. */
export interface Readers {
  readonly wallTokens: readonly string[];
  readonly user: UserSession | null;
}

export function setup(): Readers {
  requireReady();
  if (FEED_RATE > 0) requireIngestKey(districtScope);
  if (hasDisplayTokens) return { wallTokens: requireDisplayTokens(districtScope), user: null };
  return { wallTokens: [], user: signInUser('leader', districtScope, secondsOf(DURATION) + GRACEFUL_STOP_SECONDS) };
}

/** This VU's bearer for `neededForMs`: its wall's display token (VUs take them in turn), else the user's access token. */
function readerToken(readers: Readers, neededForMs = 0): string {
  const wall = readers.wallTokens[(__VU - 1) % Math.max(1, readers.wallTokens.length)];
  return wall ?? userToken(readers.user as UserSession, neededForMs);
}

/** One screen session: connect, join /live with the wall's token, subscribe, take pushes for HOLD_SECONDS, leave. */
export function screen(readers: Readers): void {
  const scope = pickScope();
  const token = readerToken(readers, (HOLD_SECONDS + 5) * 1_000);
  const socket = new WebSocket(socketIoUrl(BASE_URL));
  let subscribeSentAt = 0;
  let subscribed = false;
  let failed = false;

  socket.addEventListener('message', (event) => {
    const data = (event as MessageEvent).data;
    if (typeof data !== 'string') return;
    const frame = parseFrame(data);
    switch (frame.kind) {
      case 'open':
        socket.send(connectFrame(LIVE_NAMESPACE, { token }));
        break;
      case 'ping':
        socket.send(PONG_FRAME);
        break;
      case 'connected':
        subscribeSentAt = Date.now();
        socket.send(emitFrame(LIVE_NAMESPACE, 'subscribe', [{ scope }], SUBSCRIBE_ACK_ID));
        break;
      case 'connect-error':
        failed = true;
        socket.close();
        break;
      case 'ack': {
        const ack = frame.args[0] as SubscribeAck | undefined;
        subscribed = ack?.ok === true;
        subscribeLatency.add(Date.now() - subscribeSentAt);
        check(ack, { 'live: subscription accepted': () => subscribed });
        break;
      }
      case 'event': {
        if (frame.name !== 'snapshot') break;
        const snapshot = snapshotSchema.safeParse(frame.args[0]);
        check(snapshot, { 'live: snapshot matches the contract': (parsed) => parsed.success && parsed.data.scope === scope });
        if (snapshot.success) {
          snapshotsReceived.add(1);
          // Same machine or synchronised clocks: the time from the server computing it to the screen having it.
          snapshotAge.add(Date.now() - Date.parse(snapshot.data.asOf));
        }
        break;
      }
      case 'other':
        break;
    }
  });
  socket.addEventListener('error', () => {
    failed = true;
  });
  // One sample per session, so live_failures is the share of screen sessions that did not work.
  setTimeout(() => {
    liveFailures.add(failed || !subscribed);
    socket.close();
  }, HOLD_SECONDS * 1_000);
}

export function poll(readers: Readers): void {
  const scope = pickScope();
  const response = http.get(`${BASE_URL}/api/v1/snapshot?scope=${encodeURIComponent(scope)}`, {
    headers: { authorization: `Bearer ${readerToken(readers)}` },
    tags: { name: 'GET /api/v1/snapshot' },
  });
  let body: unknown = null;
  try {
    body = response.json();
  } catch {
    // A non-JSON body fails the contract check below.
  }
  check(response, {
    'snapshot: 200': (r) => r.status === 200,
    'snapshot: matches the contract': () => snapshotSchema.safeParse(body).success,
  });
}

export function feed(): void {
  postReports(10);
}
