import { describe, expect, it } from '@jest/globals';
import { connectFrame, emitFrame, parseFrame, socketIoUrl } from './socket-io-frames';

describe('socket.io frames', () => {
  it('derives the websocket endpoint from the API base URL', () => {
    expect(socketIoUrl('http://127.0.0.1:3000')).toBe('ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket');
    expect(socketIoUrl('https://grid.example.cn/ignored')).toBe('wss://grid.example.cn/socket.io/?EIO=4&transport=websocket');
    expect(() => socketIoUrl('ftp://x')).toThrow('http(s)');
  });

  it('writes connect and emit-with-ack frames as socket.io-client does', () => {
    expect(connectFrame('/live')).toBe('40/live,');
    expect(connectFrame('/live', { token: 'wall-token' })).toBe('40/live,{"token":"wall-token"}');
    expect(emitFrame('/live', 'subscribe', [{ scope: 'district:450103' }], 7)).toBe('42/live,7["subscribe",{"scope":"district:450103"}]');
    expect(emitFrame('/live', 'ping', [])).toBe('42/live,["ping"]');
  });

  it('reads the handshake, pings, namespace connects and refusals', () => {
    expect(parseFrame('0{"sid":"a","upgrades":[],"pingInterval":25000,"pingTimeout":20000}')).toEqual({ kind: 'open', pingIntervalMs: 25_000 });
    expect(parseFrame('2')).toEqual({ kind: 'ping' });
    expect(parseFrame('40/live,{"sid":"x"}')).toEqual({ kind: 'connected', namespace: '/live' });
    expect(parseFrame('44/live,{"message":"Invalid namespace"}')).toEqual({ kind: 'connect-error', namespace: '/live', message: 'Invalid namespace' });
  });

  it('reads events and acks with their namespace', () => {
    expect(parseFrame('42/live,["snapshot",{"totals":{"reported":3}}]')).toEqual({
      kind: 'event',
      namespace: '/live',
      name: 'snapshot',
      args: [{ totals: { reported: 3 } }],
    });
    expect(parseFrame('43/live,7[{"ok":true,"scope":"district:450103"}]')).toEqual({
      kind: 'ack',
      namespace: '/live',
      id: 7,
      args: [{ ok: true, scope: 'district:450103' }],
    });
    expect(parseFrame('42["hello"]')).toMatchObject({ kind: 'event', namespace: '/', name: 'hello' });
  });

  it('passes anything else through untouched', () => {
    expect(parseFrame('6')).toEqual({ kind: 'other', raw: '6' });
    expect(parseFrame('42/live,not json')).toEqual({ kind: 'other', raw: '42/live,not json' });
  });
});
