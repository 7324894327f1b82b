import type { LiveClientToServerEvents, LiveServerToClientEvents } from '@grid-command/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '../common/access';

/** What the server keeps on each socket: who opened it, resolved once at the handshake. */
export interface LiveSocketData {
  principal: Principal;
  /** When the socket's first snapshot went out (epoch ms), for the operators' screen list. */
  firstSnapshotAt?: number;
  /** The wall's own id, from its first health report: the room its commands reach it in. */
  wallId?: string;
}

/** The socket.io namespace screens connect to, typed by the contracts' event map. */
export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents, Record<string, never>, LiveSocketData>;

export type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents, Record<string, never>, LiveSocketData>;
