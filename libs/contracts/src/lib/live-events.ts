import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';
import type { AlertNotice } from './alert.schema';
import { isKpiRoom, type KpiWatchRequest } from './kpi-live';
import type { KpiResponse } from './kpi.schema';
import type { Snapshot } from './snapshot.schema';
import type { WallCommand } from './wall-control.schema';
import type { WallHealth, WallHealthAck } from './wall-health.schema';

export const LIVE_NAMESPACE = '/live';

export const subscribeRequestSchema = z.strictObject({ scope: scopeIdSchema });
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

/**
 * Why the server refused an event: `invalid_scope` (malformed), `unknown_scope` (not in the reference data),
 * `invalid_request` (another field is malformed: the message names it), `too_many_scopes` (the per-connection cap),
 * `forbidden` (outside the credential's grants, or a role it lacks),
 * `rate_limited` (more events per second than a screen ever sends), `token_expired` (the socket is being closed).
 */
export const LIVE_EVENT_REFUSALS = ['invalid_scope', 'invalid_request', 'unknown_scope', 'too_many_scopes', 'forbidden', 'rate_limited', 'token_expired'] as const;
export type LiveEventRefusal = (typeof LIVE_EVENT_REFUSALS)[number];

/**
 * `error` is the machine-readable reason, `message` says it for a person. `heartbeatMs` comes with an accepted
 * `subscribe`: the longest the server lets pass between two snapshots of the scope, so a screen can tell a silent
 * link (a network that stopped forwarding) from a quiet district.
 */
export type SubscribeAck = { ok: true; scope: string; heartbeatMs?: number } | { ok: false; error: LiveEventRefusal; message: string };

/**
 * What a client sends in the handshake (`io(url, {auth: {token}})`): an access token or a wall's display token.
 * Read again on every reconnection, so a client that refreshed its access token passes the new one.
 */
export const liveHandshakeAuthSchema = z.object({ token: z.string().min(1).max(4096) });
export type LiveHandshakeAuth = z.infer<typeof liveHandshakeAuthSchema>;

/**
 * The message of the `connect_error` a refused connection gets: no or a malformed token (`unauthenticated`), an
 * expired or revoked one, a credential without the `leader` role (an ingest key: `forbidden`), too many open sockets
 * for one credential (`too_many_connections`), too many failed attempts from the address (`rate_limited`), or the
 * credential could not be checked just now (`unavailable`: connect again after a moment).
 * socket.io does not reconnect after these by itself: refresh the token (or show it is revoked) and connect again.
 */
export const LIVE_CONNECT_REFUSALS = ['unauthenticated', 'token_expired', 'token_revoked', 'forbidden', 'too_many_connections', 'rate_limited', 'unavailable'] as const;
export type LiveConnectRefusal = (typeof LIVE_CONNECT_REFUSALS)[number];

/** Sent just before the server closes a socket whose credential ran out (`authExpired`) or was revoked (`authRevoked`). */
export interface LiveAuthEnded {
  readonly reason: 'token_expired' | 'token_revoked';
  readonly message: string;
}

/**
 * Broadcast to every socket when the good version of a layout changes (a file in dashboards/ was edited, or fixed
 * after a bad edit): a wall showing `name` fetches it again and swaps its panels in place.
 */
export const layoutChangeSchema = z.strictObject({ name: z.string().min(1).max(64), revision: z.string().min(1).max(64) });
export type LayoutChange = z.infer<typeof layoutChangeSchema>;

/** Typed socket.io event maps shared by the gateway and every client. */
export interface LiveServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  /** A watched scope's workflow KPIs (`watchKpis`): at once, when they change, and at least every heartbeat. */
  kpis: (kpis: KpiResponse) => void;
  /** A new alert in a watched scope or under it. */
  alert: (notice: AlertNotice) => void;
  /** Any later change to such an alert: acknowledged, dispatched, escalated, louder, more reports, closed. */
  alertUpdated: (notice: AlertNotice) => void;
  /** The access token expired: the socket closes next; connect again with a refreshed token. */
  authExpired: (notice: LiveAuthEnded) => void;
  /** The session, user, or display token was revoked: the socket closes next; a wall shows 已吊销. */
  authRevoked: (notice: LiveAuthEnded) => void;
  /** A layout's served version changed (see `layoutChangeSchema`). */
  layoutChanged: (change: LayoutChange) => void;
  /** From the console or `/ops`, to the room of one wall (`wallRoomOf`). */
  wallCommand: (command: WallCommand) => void;
}

export interface LiveClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  /** Alerts of the scope and everything under it, without its snapshots: what a console needs. */
  watchAlerts: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  unwatchAlerts: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  /** Workflow KPIs of the scope over the period, pushed as `kpis`; the ack's `heartbeatMs` bounds their silence. */
  watchKpis: (request: KpiWatchRequest, ack: (result: SubscribeAck) => void) => void;
  unwatchKpis: (request: KpiWatchRequest, ack: (result: SubscribeAck) => void) => void;
  /** A wall's health every ~10 s; the first also joins the wall's own room. The ack carries the bounds it heals by. */
  reportWallHealth: (health: WallHealth, ack: (result: WallHealthAck) => void) => void;
}

const ALERT_ROOM_PREFIX = 'alerts@';

/** The socket.io room of a scope's alert watchers; snapshot rooms are the bare scope id. */
export function alertRoomOf(scope: string): string {
  return `${ALERT_ROOM_PREFIX}${scope}`;
}

/** Whether a room is a scope's snapshot room (not a socket's own room, nor an alert or KPI room). */
export function isSnapshotRoom(room: string): boolean {
  return room.includes(':') && !room.startsWith(ALERT_ROOM_PREFIX) && !isKpiRoom(room);
}
