import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';
import type { AlertNotice } from './alert.schema';
import type { Snapshot } from './snapshot.schema';

export const LIVE_NAMESPACE = '/live';

export const subscribeRequestSchema = z.strictObject({ scope: scopeIdSchema });
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

export type SubscribeAck = { ok: true; scope: string } | { ok: false; error: string };

/** Typed socket.io event maps shared by the gateway and every client. */
export interface LiveServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  /** A new alert in a watched scope or under it. */
  alert: (notice: AlertNotice) => void;
  /** Any later change to such an alert: acknowledged, dispatched, escalated, louder, more reports, closed. */
  alertUpdated: (notice: AlertNotice) => void;
}

export interface LiveClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  /** Alerts of the scope and everything under it, without its snapshots: what a console needs. */
  watchAlerts: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  unwatchAlerts: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
}

const ALERT_ROOM_PREFIX = 'alerts@';

/** The socket.io room of a scope's alert watchers; snapshot rooms are the bare scope id. */
export function alertRoomOf(scope: string): string {
  return `${ALERT_ROOM_PREFIX}${scope}`;
}

/** Whether a room is a scope's snapshot room (not a socket's own room, nor an alert room). */
export function isSnapshotRoom(room: string): boolean {
  return room.includes(':') && !room.startsWith(ALERT_ROOM_PREFIX);
}
