import { randomUUID } from 'node:crypto';
import { callApi, type RunningServer } from './test-server';

/** What every example can use: resources that exist in street A, made before the matrix runs. */
export interface MatrixWorld {
  readonly server: RunningServer;
  /** An admin of the district, for setting up what a case consumes (a user to disable, a mute to delete). */
  readonly admin: string;
  readonly streetA: string;
  readonly gridA: string;
  /** A stored ticket and its critical alert, both in street A. */
  readonly ticketId: string;
  readonly alertId: string;
  /** A user whose password the test knows, for the login and refresh exchanges. */
  readonly login: { readonly username: string; readonly password: string };
  /** Refresh tokens answered by earlier cases, each good for one refresh: a case takes one instead of signing in. */
  readonly spareRefreshTokens: string[];
}

/** What the matrix expects of the case, so an example makes a real target only for a caller who will reach it. */
export interface CaseOutlook {
  /** The guard will refuse the caller (401 or 403 for a role or kind) before the target is looked up. */
  readonly refusedByRole: boolean;
}

export interface ExampleRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** Removes what the request would have consumed or left behind, whether or not it went through. */
  readonly cleanUp?: () => Promise<void>;
  /** Sees the answer's body, to keep what a later case can use. */
  readonly onAnswer?: (body: Record<string, unknown>) => void;
}

export interface RouteExample {
  /** A request of the route aimed at street A (or at nothing scoped); made afresh for every case. */
  readonly request: (world: MatrixWorld, outlook: CaseOutlook) => Promise<ExampleRequest>;
  /** The request spends the caller's credential (a logout), so the case is sent with a fresh one. */
  readonly spendsCredential?: boolean;
}

const fixed = (method: string, path: string | ((world: MatrixWorld) => string), body?: (world: MatrixWorld) => unknown): RouteExample => ({
  request: async (world) => ({ method, path: typeof path === 'string' ? path : path(world), body: body?.(world) }),
});

/** Creates something as the world's admin and answers its id. */
async function created(world: MatrixWorld, path: string, body: unknown): Promise<string> {
  const answer = await callApi(world.server, 'POST', path, body, world.admin);
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`setting up ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const id = (answer.body['id'] ?? (answer.body['user'] as { id?: unknown } | undefined)?.id) as string | undefined;
  if (!id) throw new Error(`setting up ${path} answered no id: ${JSON.stringify(answer.body)}`);
  return id;
}

/**
 * A user, key or token for an admin's case to disable or revoke. A caller the guard refuses by role gets an id that
 * names nothing, which also shows the refusal does not depend on the target (and saves hashing a password).
 */
const throwawayUser = (world: MatrixWorld, outlook: CaseOutlook) =>
  outlook.refusedByRole
    ? Promise.resolve(randomUUID())
    : created(world, '/api/v1/users', { username: `matrix-${randomUUID().slice(0, 8)}`, password: 'matrix-password-1234', roles: ['leader'], scopes: [world.streetA] });

const throwaway = (world: MatrixWorld, outlook: CaseOutlook, path: string) =>
  outlook.refusedByRole ? Promise.resolve(randomUUID()) : created(world, path, { name: `matrix ${randomUUID().slice(0, 8)}`, scope: world.streetA });

const report = (world: MatrixWorld) => ({
  id: randomUUID(),
  gridCode: world.gridA,
  category: 'parking',
  severity: 1,
  source: 'grid_worker',
  reportedAt: new Date().toISOString(),
});

/**
 * One example request per route of HTTP_ACCESS_POLICY, keyed the same way: the matrix fails when a key is missing
 * here (a new route without an example) or names no route. Each request is one that a caller allowed in street A
 * could send and have accepted (or refused for a reason that is not access, such as a conflict).
 */
export const ROUTE_EXAMPLES: Readonly<Record<string, RouteExample>> = {
  'GET /health/live': fixed('GET', '/health/live'),
  'GET /health/ready': fixed('GET', '/health/ready'),
  'GET /metrics': fixed('GET', '/metrics'),

  'POST /api/v1/auth/login': fixed('POST', '/api/v1/auth/login', (world) => world.login),
  'POST /api/v1/auth/refresh': {
    // Refresh tokens are single use: each case spends the one the case before it was answered, or signs in for one.
    request: async (world) => {
      const refreshToken = world.spareRefreshTokens.pop() ?? (await callApi(world.server, 'POST', '/api/v1/auth/login', world.login)).body['refreshToken'];
      return {
        method: 'POST',
        path: '/api/v1/auth/refresh',
        body: { refreshToken },
        onAnswer: (body) => {
          if (typeof body['refreshToken'] === 'string') world.spareRefreshTokens.push(body['refreshToken']);
        },
      };
    },
  },
  'POST /api/v1/auth/logout': { ...fixed('POST', '/api/v1/auth/logout'), spendsCredential: true },
  'GET /api/v1/auth/me': fixed('GET', '/api/v1/auth/me'),

  'GET /api/v1/users': fixed('GET', '/api/v1/users'),
  'POST /api/v1/users': {
    request: async (world) => {
      const username = `matrix-${randomUUID().slice(0, 8)}`;
      return { method: 'POST', path: '/api/v1/users', body: { username, password: 'matrix-password-1234', roles: ['leader'], scopes: [world.streetA] } };
    },
  },
  'PATCH /api/v1/users/:id': {
    request: async (world, outlook) => ({ method: 'PATCH', path: `/api/v1/users/${await throwawayUser(world, outlook)}`, body: { disabled: true } }),
  },
  'DELETE /api/v1/users/:id': { request: async (world, outlook) => ({ method: 'DELETE', path: `/api/v1/users/${await throwawayUser(world, outlook)}` }) },
  'GET /api/v1/ingest-keys': fixed('GET', '/api/v1/ingest-keys'),
  'POST /api/v1/ingest-keys': fixed('POST', '/api/v1/ingest-keys', (world) => ({ name: `matrix ${randomUUID().slice(0, 8)}`, scope: world.streetA })),
  'DELETE /api/v1/ingest-keys/:id': {
    request: async (world, outlook) => ({ method: 'DELETE', path: `/api/v1/ingest-keys/${await throwaway(world, outlook, '/api/v1/ingest-keys')}` }),
  },
  'GET /api/v1/display-tokens': fixed('GET', '/api/v1/display-tokens'),
  'POST /api/v1/display-tokens': fixed('POST', '/api/v1/display-tokens', (world) => ({ name: `matrix ${randomUUID().slice(0, 8)}`, scope: world.streetA })),
  'DELETE /api/v1/display-tokens/:id': {
    request: async (world, outlook) => ({ method: 'DELETE', path: `/api/v1/display-tokens/${await throwaway(world, outlook, '/api/v1/display-tokens')}` }),
  },
  'GET /api/v1/audit': fixed('GET', '/api/v1/audit'),

  'POST /api/v1/reports': fixed('POST', '/api/v1/reports', report),
  'GET /api/v1/ops/dead-letters': fixed('GET', '/api/v1/ops/dead-letters'),
  // A letter that names no parked report: an allowed caller is answered 404, and nothing is replayed.
  'POST /api/v1/ops/dead-letters/:id/replay': fixed('POST', () => `/api/v1/ops/dead-letters/${randomUUID()}%230/replay`, () => ({})),
  'GET /api/v1/tickets/:id': fixed('GET', (world) => `/api/v1/tickets/${world.ticketId}`),
  // A re-dispatch is allowed from dispatched, so every allowed case can record one; `at` moves on with the clock.
  'POST /api/v1/tickets/:id/events': fixed(
    'POST',
    (world) => `/api/v1/tickets/${world.ticketId}/events`,
    () => ({ type: 'dispatched', at: new Date().toISOString(), department: '城管执法局' }),
  ),

  'GET /api/v1/kpis': fixed('GET', (world) => `/api/v1/kpis?scope=${world.streetA}&period=today`),
  'GET /api/v1/snapshot': fixed('GET', (world) => `/api/v1/snapshot?scope=${world.streetA}`),
  'GET /api/v1/alerts': fixed('GET', (world) => `/api/v1/alerts?scope=${world.streetA}`),
  'GET /api/v1/alerts/:id': fixed('GET', (world) => `/api/v1/alerts/${world.alertId}`),
  // The first allowed case acknowledges; the later ones get 409 alert_conflict, which is not an access answer.
  'POST /api/v1/alerts/:id/actions': fixed('POST', (world) => `/api/v1/alerts/${world.alertId}/actions`, () => ({ action: 'acknowledge' })),
  'GET /api/v1/alert-rules': fixed('GET', '/api/v1/alert-rules'),
  'GET /api/v1/alert-mutes': fixed('GET', (world) => `/api/v1/alert-mutes?scope=${world.streetA}`),
  'POST /api/v1/alert-mutes': {
    request: async (world) => ({ method: 'POST', path: '/api/v1/alert-mutes', body: { ruleId: 'noise-spike', scope: world.streetA, minutes: 5, reason: '授权矩阵测试' } }),
  },
  'DELETE /api/v1/alert-mutes/:id': {
    // Each case deletes a mute of its own; what a refused case left is removed, so the admin stays under the limit.
    request: async (world) => {
      const id = await created(world, '/api/v1/alert-mutes', { ruleId: 'noise-spike', scope: world.streetA, minutes: 5, reason: '授权矩阵测试' });
      return {
        method: 'DELETE',
        path: `/api/v1/alert-mutes/${id}`,
        cleanUp: async () => {
          await callApi(world.server, 'DELETE', `/api/v1/alert-mutes/${id}`, undefined, world.admin);
        },
      };
    },
  },

  'GET /api/v1/scopes': fixed('GET', '/api/v1/scopes'),
  'GET /api/v1/scopes/:scope': fixed('GET', (world) => `/api/v1/scopes/${world.streetA}`),
  'GET /api/v1/geo/:scope': fixed('GET', (world) => `/api/v1/geo/${world.streetA}`),
  'GET /api/v1/dashboards/:name': fixed('GET', '/api/v1/dashboards/leader-wall'),
  'GET /api/v1/playlists/:name': fixed('GET', '/api/v1/playlists/district-tour'),

  'GET /api/v1/ops/overview': fixed('GET', '/api/v1/ops/overview'),
  // No wall is connected in the matrix: an allowed caller is told 404, anyone else 401 or 403 first.
  'GET /api/v1/ops/walls': fixed('GET', '/api/v1/ops/walls'),
  'POST /api/v1/ops/walls/:id/commands': fixed('POST', () => `/api/v1/ops/walls/${randomUUID()}/commands`, () => ({ kind: 'pause' })),
};

/** Whether an example's request is one of its route: same method, and the path fits the route's pattern. */
export function exampleFitsRoute(routeKey: string, request: Pick<ExampleRequest, 'method' | 'path'>): boolean {
  const [method, pattern] = routeKey.split(' ') as [string, string];
  const path = request.path.split('?')[0] ?? '';
  const expression = new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`);
  return request.method === method && expression.test(path);
}
