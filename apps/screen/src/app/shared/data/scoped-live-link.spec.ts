import type { ErrorHandler } from '@angular/core';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { SessionEnd } from '../auth/session.service';
import { ScopedLiveLink, type LiveCredential } from './scoped-live-link';

/** socket.io's client socket as far as the link uses it: listeners, connect and disconnect, timed emits. */
class FakeSocket {
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  connected = false;
  active = true;
  connects = 0;
  readonly joins: unknown[] = [];

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  connect(): this {
    this.connects += 1;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  timeout(): { emit: (event: string, payload: unknown) => void } {
    return { emit: (_event, payload) => this.joins.push(payload) };
  }

  emit(): this {
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
}

let socket: FakeSocket;
let handshake: ((send: (auth: { token: string }) => void) => void) | undefined;

jest.mock('socket.io-client', () => ({
  io: (_namespace: string, options: { auth: typeof handshake }) => {
    handshake = options.auth;
    return socket;
  },
}));

class FakeCredential implements LiveCredential {
  token: string | null = 'access-1';
  renewal: Promise<boolean> = Promise.resolve(true);
  readonly ended: SessionEnd[] = [];
  bearer(): string | null {
    return this.token;
  }
  refresh(): Promise<boolean> {
    return this.renewal;
  }
  end(reason: SessionEnd): void {
    this.ended.push(reason);
    this.token = null;
  }
}

describe('ScopedLiveLink and the credential', () => {
  let credential: FakeCredential;
  const errors = { handleError: jest.fn() } as unknown as ErrorHandler;

  function startLink(): ScopedLiveLink {
    const link = new ScopedLiveLink(
      { join: 'subscribe', leave: 'unsubscribe', what: 'live subscription to', listen: () => undefined, joined: () => undefined, reconnectAfterMs: () => 60_000 },
      errors,
      credential,
    );
    link.start('district:450103');
    return link;
  }

  const tokenOfNextHandshake = (): string | undefined => {
    let sent: string | undefined;
    handshake?.((auth) => (sent = auth.token));
    return sent;
  };

  beforeEach(() => {
    socket = new FakeSocket();
    handshake = undefined;
    credential = new FakeCredential();
  });

  it('sends the current token on every handshake, so a reconnection after a renewal sends the new one', () => {
    startLink();
    expect(tokenOfNextHandshake()).toBe('access-1');
    credential.token = 'access-2';
    expect(tokenOfNextHandshake()).toBe('access-2');
  });

  it('ends the session when the handshake is refused as revoked, and does not reconnect', () => {
    const link = startLink();
    socket.active = false;
    socket.fire('connect_error', new Error('token_revoked'));
    expect(credential.ended).toEqual(['token_revoked']);
    socket.fire('disconnect', 'io server disconnect');
    expect(socket.connects).toBe(0);
    link.close();
  });

  it('ends the session on the server telling it the credential was revoked', () => {
    startLink();
    socket.fire('authRevoked', { reason: 'token_revoked', message: 'revoked by an admin' });
    expect(credential.ended).toEqual(['token_revoked']);
  });

  it('renews an expired token and connects again at once with the new one', async () => {
    startLink();
    credential.renewal = Promise.resolve(true).then(() => {
      credential.token = 'access-2';
      return true;
    });
    socket.fire('authExpired', { reason: 'token_expired', message: 'expired' });
    socket.fire('disconnect', 'io server disconnect');
    await credential.renewal;
    await Promise.resolve();
    expect(socket.connects).toBe(1);
    expect(tokenOfNextHandshake()).toBe('access-2');
    expect(credential.ended).toEqual([]);
  });
});
