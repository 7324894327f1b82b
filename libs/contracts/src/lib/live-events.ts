import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';
import type { Snapshot } from './snapshot.schema';

export const LIVE_NAMESPACE = '/live';

export const subscribeRequestSchema = z.strictObject({ scope: scopeIdSchema });
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

export type SubscribeAck = { ok: true; scope: string } | { ok: false; error: string };

/** Typed socket.io event maps shared by the gateway and every client. */
export interface LiveServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
}

export interface LiveClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
}
