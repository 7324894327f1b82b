import type { LiveClientToServerEvents, LiveServerToClientEvents } from '@grid-command/contracts';
import type { Namespace } from 'socket.io';

/** The socket.io namespace screens connect to, typed by the contracts' event map. */
export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents>;
