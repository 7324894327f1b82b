import { liveHandshakeAuthSchema, type LiveConnectRefusal } from '@grid-command/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertRoleAllowed, PRINCIPAL_RESOLVER, SOCKET_CONNECT_POLICY, type Principal, type PrincipalResolver } from '../common/access';
import { AppError } from '../common/errors/app-error';
import { RateLimits } from '../common/rate-limits';
import type { LiveSocket } from './live-namespace';
import { LiveSessions } from './live-sessions.service';

/** The refusal a client sees as `connect_error`: `message` is the reason, `data.message` says it for a person. */
export class LiveConnectRefused extends Error {
  readonly data: { message: string };

  constructor(reason: LiveConnectRefusal, message: string) {
    super(reason);
    this.data = { message };
  }
}

/** Refusals of a presented credential, counted against the address like a REST 401. */
const CREDENTIAL_REFUSALS: ReadonlySet<string> = new Set(['unauthenticated', 'token_expired', 'token_revoked']);

const REFUSAL_OF_CODE: Partial<Record<string, LiveConnectRefusal>> = {
  unauthenticated: 'unauthenticated',
  token_expired: 'token_expired',
  token_revoked: 'token_revoked',
  forbidden: 'forbidden',
  rate_limited: 'rate_limited',
};

/**
 * Decides at the handshake who a socket belongs to, before it can emit anything: the token of `auth: {token}`
 * resolved like a REST bearer credential, the `leader` role (`SOCKET_CONNECT_POLICY`; ingest keys have none), room
 * for one more socket of the principal. A token that fails counts against the address like a REST 401.
 */
@Injectable()
export class LiveHandshake {
  private readonly logger = new Logger(LiveHandshake.name);

  constructor(
    @Inject(PRINCIPAL_RESOLVER) private readonly principals: PrincipalResolver,
    private readonly sessions: LiveSessions,
    private readonly limits: RateLimits,
  ) {}

  async admit(socket: LiveSocket): Promise<void> {
    const address = socket.handshake.address;
    try {
      this.limits.assertAddressAllowed(address);
      const principal = await this.principalOf(socket.handshake.auth);
      assertRoleAllowed(SOCKET_CONNECT_POLICY, principal, 'a /live connection');
      if (!this.sessions.hasRoomFor(principal)) {
        throw new LiveConnectRefused('too_many_connections', `${principal.name} already holds ${this.sessions.maxPerPrincipal} /live connections, the most one credential may open`);
      }
      socket.data.principal = principal;
    } catch (error) {
      const refusal = this.refusalOf(error);
      if (CREDENTIAL_REFUSALS.has(refusal.message) && presentsToken(socket.handshake.auth)) await this.limits.countFailedAuthentication(address);
      throw refusal;
    }
  }

  private principalOf(auth: unknown): Promise<Principal> {
    const parsed = liveHandshakeAuthSchema.safeParse(auth);
    if (!parsed.success) throw new AppError('unauthenticated', 'connect with auth: {token: <access token or display token>}');
    return this.principals.resolve(parsed.data.token);
  }

  private refusalOf(error: unknown): LiveConnectRefused {
    if (error instanceof LiveConnectRefused) return error;
    if (error instanceof AppError) {
      const reason = REFUSAL_OF_CODE[error.code];
      if (reason) return new LiveConnectRefused(reason, error.message);
    }
    this.logger.warn(`cannot check a /live credential: ${error instanceof Error ? error.message : String(error)}`);
    return new LiveConnectRefused('unavailable', 'the credential cannot be checked right now; connect again in a moment');
  }
}

function presentsToken(auth: unknown): boolean {
  return auth !== null && typeof auth === 'object' && (auth as Record<string, unknown>)['token'] !== undefined;
}
