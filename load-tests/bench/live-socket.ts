import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@grid-command/contracts';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/**
 * Opens a socket.io connection to `/live` (websocket only, no reconnection: a dropped socket must show as missed
 * pushes, not be hidden by a reconnect) with `token` in the handshake (a wall's display token, an officer's access
 * token) and joins `scope` as a wall (`subscribe`) or a duty console (`watchAlerts`). Handlers the caller needs from
 * the first message on go in `listen`, before the join is asked for.
 */
export async function connectLive(
  baseUrl: string,
  token: string,
  join: 'subscribe' | 'watchAlerts',
  scope: string,
  listen: (socket: LiveSocket) => void,
): Promise<LiveSocket> {
  const socket: LiveSocket = io(`${baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], reconnection: false, auth: { token } });
  listen(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(5_000).emitWithAck(join, { scope });
  if (!ack.ok) {
    socket.close();
    throw new Error(`${join} ${scope} refused: ${ack.error}`);
  }
  return socket;
}
