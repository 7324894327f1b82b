/**
 * The few socket.io v5 / Engine.IO v4 text frames a screen needs, for clients without socket.io-client
 * (k6 websockets). One websocket message carries one Engine.IO packet: a digit type then the payload;
 * type 4 ("message") wraps a socket.io packet: a digit type, `/namespace,`, an optional ack id, JSON.
 */
export type SocketIoFrame =
  | { readonly kind: 'open'; readonly pingIntervalMs: number }
  | { readonly kind: 'ping' }
  | { readonly kind: 'connected'; readonly namespace: string }
  | { readonly kind: 'connect-error'; readonly namespace: string; readonly message: string }
  | { readonly kind: 'event'; readonly namespace: string; readonly name: string; readonly args: readonly unknown[] }
  | { readonly kind: 'ack'; readonly namespace: string; readonly id: number; readonly args: readonly unknown[] }
  | { readonly kind: 'other'; readonly raw: string };

/** Engine.IO answer to the server's ping ("2"). */
export const PONG_FRAME = '3';

/** `http://host:port` → the websocket URL socket.io listens on. String work only: k6 has no global URL. */
export function socketIoUrl(baseUrl: string): string {
  const match = /^(https?):\/\/([^/?#]+)/.exec(baseUrl);
  if (!match) throw new Error(`expected an http(s) base URL, got "${baseUrl}"`);
  return `${match[1] === 'https' ? 'wss' : 'ws'}://${match[2]}/socket.io/?EIO=4&transport=websocket`;
}

/** The namespace CONNECT packet; `auth` is the handshake payload (`{token}`), which socket.io v5 carries in it. */
export function connectFrame(namespace: string, auth?: Readonly<Record<string, string>>): string {
  return `40${namespace},${auth === undefined ? '' : JSON.stringify(auth)}`;
}

export function emitFrame(namespace: string, event: string, args: readonly unknown[], ackId?: number): string {
  return `42${namespace},${ackId ?? ''}${JSON.stringify([event, ...args])}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Splits `/live,12[...]` into namespace, ack id and payload; the default namespace has no prefix. */
function splitSocketPacket(body: string): { namespace: string; id: number | null; payload: unknown } {
  let rest = body;
  let namespace = '/';
  if (rest.startsWith('/')) {
    const comma = rest.indexOf(',');
    namespace = comma < 0 ? rest : rest.slice(0, comma);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
  const digits = /^\d+/.exec(rest)?.[0] ?? '';
  return { namespace, id: digits === '' ? null : Number(digits), payload: rest === digits ? undefined : parseJson(rest.slice(digits.length)) };
}

export function parseFrame(raw: string): SocketIoFrame {
  if (raw === '2') return { kind: 'ping' };
  if (raw.startsWith('0')) {
    const handshake = parseJson(raw.slice(1)) as { pingInterval?: unknown } | undefined;
    return { kind: 'open', pingIntervalMs: typeof handshake?.pingInterval === 'number' ? handshake.pingInterval : 25_000 };
  }
  if (!raw.startsWith('4') || raw.length < 2) return { kind: 'other', raw };
  const { namespace, id, payload } = splitSocketPacket(raw.slice(2));
  switch (raw[1]) {
    case '0':
      return { kind: 'connected', namespace };
    case '4': {
      const message = (payload as { message?: unknown } | undefined)?.message;
      return { kind: 'connect-error', namespace, message: typeof message === 'string' ? message : 'refused' };
    }
    case '2':
      if (Array.isArray(payload) && typeof payload[0] === 'string') return { kind: 'event', namespace, name: payload[0], args: payload.slice(1) };
      return { kind: 'other', raw };
    case '3':
      if (id !== null && Array.isArray(payload)) return { kind: 'ack', namespace, id, args: payload };
      return { kind: 'other', raw };
    default:
      return { kind: 'other', raw };
  }
}
