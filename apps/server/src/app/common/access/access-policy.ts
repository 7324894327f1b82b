import type { AccessRole, PrincipalKind } from '@grid-command/contracts';

/**
 * Where a request names the scope it touches, so the frame can check it against the principal's grants before
 * the capability runs.
 * - `none`: reference data or the caller's own identity; nothing scoped.
 * - `query`/`param`/`body`/`payload`: the named field holds a scope id; out of grants answers 403. When
 *   `optional` and absent, the capability narrows what it answers to the grants.
 * - `reports`: every report's `gridCode` must lie within the grants (403 naming the grid; nothing is queued).
 * - `resource`: the scope is that of the alert, ticket or mute the route names; the capability checks it where it
 *   loads the resource (`assertWithinGrants`), since only it knows where the resource lies.
 */
export type ScopeRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'query' | 'param' | 'body' | 'payload'; readonly field: 'scope'; readonly optional?: boolean }
  | { readonly kind: 'reports' }
  | { readonly kind: 'resource'; readonly resource: 'alert' | 'ticket' | 'mute' };

export interface AccessPolicy {
  /** `public`: no credential needed; `authenticated`: any valid one; otherwise one of these effective roles. */
  readonly allow: 'public' | 'authenticated' | readonly AccessRole[];
  /** Only these kinds of credential (default: any): what only a user has, such as a session to end. */
  readonly kinds?: readonly PrincipalKind[];
  /** Also let through with the configured METRICS_SCRAPE_TOKEN, which is no principal: for Prometheus. */
  readonly scrapeToken?: true;
  readonly scope: ScopeRule;
}

const NONE: ScopeRule = { kind: 'none' };
const publicRoute: AccessPolicy = { allow: 'public', scope: NONE };
const admin: AccessPolicy = { allow: ['admin'], scope: NONE };
const reads = (scope: ScopeRule): AccessPolicy => ({ allow: ['leader'], scope });
const acts = (scope: ScopeRule): AccessPolicy => ({ allow: ['duty_officer'], scope });

/**
 * Every REST route of the server, `METHOD /path` as Nest declares it. The access guard reads this table on every
 * request, the server refuses to boot when a route has no entry (or an entry no route), and the authorisation
 * matrix test is generated from it. Only `/health/*` and the login and refresh exchanges are public.
 */
export const HTTP_ACCESS_POLICY: Readonly<Record<string, AccessPolicy>> = {
  'GET /health/live': publicRoute,
  'GET /health/ready': publicRoute,
  // Every process role serves its own; Prometheus scrapes with the scrape token, an operator reads with their token.
  'GET /metrics': { allow: ['operator'], scrapeToken: true, scope: NONE },

  'POST /api/v1/auth/login': publicRoute,
  'POST /api/v1/auth/refresh': publicRoute,
  // Keys and display tokens have no session: an admin revokes them.
  'POST /api/v1/auth/logout': { allow: 'authenticated', kinds: ['user'], scope: NONE },
  'GET /api/v1/auth/me': { allow: 'authenticated', scope: NONE },

  'GET /api/v1/users': admin,
  'POST /api/v1/users': admin,
  'PATCH /api/v1/users/:id': admin,
  'DELETE /api/v1/users/:id': admin,
  'GET /api/v1/ingest-keys': admin,
  'POST /api/v1/ingest-keys': admin,
  'DELETE /api/v1/ingest-keys/:id': admin,
  'GET /api/v1/display-tokens': admin,
  'POST /api/v1/display-tokens': admin,
  'DELETE /api/v1/display-tokens/:id': admin,
  'GET /api/v1/audit': admin,

  'POST /api/v1/reports': { allow: ['ingest'], scope: { kind: 'reports' } },
  // Reports the worker could not store, from every district: the pipeline's operators (and admins) see and replay them.
  'GET /api/v1/ops/dead-letters': { allow: ['operator', 'admin'], scope: NONE },
  'POST /api/v1/ops/dead-letters/:id/replay': { allow: ['operator', 'admin'], scope: NONE },
  'GET /api/v1/tickets/:id': reads({ kind: 'resource', resource: 'ticket' }),
  // A source system (the 12345 hotline) records its own dispatches and replies, as the key's name.
  'POST /api/v1/tickets/:id/events': { allow: ['duty_officer', 'ingest'], scope: { kind: 'resource', resource: 'ticket' } },

  'GET /api/v1/kpis': reads({ kind: 'query', field: 'scope' }),
  'GET /api/v1/snapshot': reads({ kind: 'query', field: 'scope' }),
  'GET /api/v1/alerts': reads({ kind: 'query', field: 'scope' }),
  'GET /api/v1/alerts/:id': reads({ kind: 'resource', resource: 'alert' }),
  'POST /api/v1/alerts/:id/actions': acts({ kind: 'resource', resource: 'alert' }),
  'GET /api/v1/alert-rules': reads(NONE),
  'GET /api/v1/alert-mutes': reads({ kind: 'query', field: 'scope', optional: true }),
  'POST /api/v1/alert-mutes': acts({ kind: 'body', field: 'scope', optional: true }),
  'DELETE /api/v1/alert-mutes/:id': acts({ kind: 'resource', resource: 'mute' }),

  // Reference data (names and boundaries of the district's units) is not scoped: a street's wall names its district.
  'GET /api/v1/scopes': reads(NONE),
  'GET /api/v1/scopes/:scope': reads(NONE),
  'GET /api/v1/geo/:scope': reads(NONE),
  'GET /api/v1/dashboards/:name': reads(NONE),
  // A wall's carousel names layouts and scopes only: read like the layouts (each scope's figures are checked on subscribe).
  'GET /api/v1/playlists/:name': reads(NONE),

  // The pipeline's health across every district the deployment serves, so not scoped: operators (and admins) only.
  'GET /api/v1/ops/overview': { allow: ['operator'], scope: NONE },
  // The walls connected to the deployment. Operators (and admins) see and command every wall, so no scope is checked
  // here; a duty officer (the console) sees only the walls showing a scope within their grants, may switch, pause or
  // resume those (and show only a scope within the grants), but not reload them: the capability (WallFleetService)
  // checks that where it loads the wall, and answers 404 for a wall outside the grants as for one not connected.
  'GET /api/v1/ops/walls': { allow: ['operator', 'duty_officer'], scope: NONE },
  'POST /api/v1/ops/walls/:id/commands': { allow: ['operator', 'duty_officer'], scope: NONE },
};

/** Every socket.io event of `/live`; connecting at all needs a valid credential with the `leader` role. */
export const SOCKET_ACCESS_POLICY: Readonly<Record<string, AccessPolicy>> = {
  subscribe: reads({ kind: 'payload', field: 'scope' }),
  unsubscribe: reads({ kind: 'payload', field: 'scope' }),
  watchAlerts: reads({ kind: 'payload', field: 'scope' }),
  unwatchAlerts: reads({ kind: 'payload', field: 'scope' }),
  watchKpis: reads({ kind: 'payload', field: 'scope' }),
  unwatchKpis: reads({ kind: 'payload', field: 'scope' }),
  // A wall's health names the scope it shows: a wall reports only on a scope within its grants.
  reportWallHealth: reads({ kind: 'payload', field: 'scope' }),
};

/** Who may open a `/live` connection. */
export const SOCKET_CONNECT_POLICY: AccessPolicy = reads(NONE);
