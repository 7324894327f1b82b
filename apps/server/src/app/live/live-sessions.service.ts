import type { LiveAuthEnded } from '@grid-command/contracts';
import { subscribeCredentialRevocations, type CredentialRevocation } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import type { Principal } from '../common/access';
import { APP_CONFIG, REDIS_SUBSCRIBER } from '../infrastructure/tokens';
import type { LiveSocket } from './live-namespace';

/** setTimeout's longest delay; a later expiry is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The open sockets of each principal in this process: caps how many one credential may hold, and closes them when
 * the credential ends — at its expiry (`authExpired`) or as soon as Redis announces its revocation (`authRevoked`):
 * a logout or refresh-token reuse ends the session's sockets, a disabled user all of theirs, a revoked display token
 * its wall's. The event goes out before the disconnect, so the client knows why it was closed.
 */
@Injectable()
export class LiveSessions implements OnModuleInit {
  private readonly logger = new Logger(LiveSessions.name);
  private readonly socketsOf = new Map<string, Set<LiveSocket>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
  ) {}

  async onModuleInit(): Promise<void> {
    await subscribeCredentialRevocations(
      this.subscriber,
      (revocation) => this.revoke(revocation),
      (problem) => this.logger.warn(`ignored a malformed credential revocation: ${problem}`),
    );
  }

  get maxPerPrincipal(): number {
    return this.config.live.maxSocketsPerPrincipal;
  }

  /** Whether the principal may open one more socket here (`LIVE_MAX_SOCKETS_PER_PRINCIPAL`, counted per process). */
  hasRoomFor(principal: Principal): boolean {
    return (this.socketsOf.get(keyOf(principal))?.size ?? 0) < this.maxPerPrincipal;
  }

  /** Tracks a socket that just connected until it disconnects, and closes it when its credential expires. */
  open(socket: LiveSocket): void {
    const principal = socket.data.principal;
    const key = keyOf(principal);
    const sockets = this.socketsOf.get(key) ?? new Set<LiveSocket>();
    sockets.add(socket);
    this.socketsOf.set(key, sockets);
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const waitForExpiry = (): void => {
      if (principal.expiresAt === null) return;
      const remainingMs = principal.expiresAt.getTime() - Date.now();
      if (remainingMs <= 0) return this.end(socket, 'authExpired', { reason: 'token_expired', message: 'the access token expired; connect again with a fresh one' });
      expiry = setTimeout(waitForExpiry, Math.min(remainingMs, LONGEST_TIMER_MS));
    };
    waitForExpiry();
    socket.once('disconnect', () => {
      clearTimeout(expiry);
      sockets.delete(socket);
      if (sockets.size === 0 && this.socketsOf.get(key) === sockets) this.socketsOf.delete(key);
    });
  }

  /** Sends the reason, then closes the socket; the client does not reconnect by itself after this. */
  end(socket: LiveSocket, event: 'authExpired' | 'authRevoked', notice: LiveAuthEnded): void {
    socket.emit(event, notice);
    socket.disconnect();
  }

  private revoke(revocation: CredentialRevocation): void {
    const message = `the ${revocation.kind.replace('_', ' ')} was revoked`;
    for (const socket of this.socketsRevokedBy(revocation)) this.end(socket, 'authRevoked', { reason: 'token_revoked', message });
  }

  private socketsRevokedBy(revocation: CredentialRevocation): LiveSocket[] {
    if (revocation.kind !== 'session') return [...(this.socketsOf.get(`${revocation.kind}:${revocation.id}`) ?? [])];
    return [...this.socketsOf.values()].flatMap((sockets) => [...sockets].filter((socket) => socket.data.principal.sessionId === revocation.id));
  }
}

function keyOf(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}
