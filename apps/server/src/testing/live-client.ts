import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@grid-command/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { RunningServer } from './test-server';

export type LiveClient = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** A `/live` socket as a screen opens it (websocket, no reconnection), not yet connected. */
export function liveSocket(server: Pick<RunningServer, 'baseUrl'>, token: string | undefined, options: Partial<ManagerOptions & SocketOptions> = {}): LiveClient {
  return io(`${server.baseUrl}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(token === undefined ? {} : { auth: { token } }),
    ...options,
  });
}

/** Connects with `token`; fails with the server's reason when it refuses. */
export function connectLive(server: Pick<RunningServer, 'baseUrl'>, token: string, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<LiveClient> {
  const socket = liveSocket(server, token, options);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The reason the server gives for refusing a connection (the `connect_error` message), or `connected`. */
export function refusalOf(server: Pick<RunningServer, 'baseUrl'>, token: string | undefined, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<string> {
  const socket = liveSocket(server, token, options);
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
