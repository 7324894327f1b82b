import type { LiveEventRefusal, SubscribeAck } from '@grid-command/contracts';
import { assertRoleAllowed, assertWithinGrants, SOCKET_ACCESS_POLICY } from '../common/access';
import { AppError } from '../common/errors/app-error';
import type { LiveSocket } from './live-namespace';
import type { LiveSessions } from './live-sessions.service';

type Refusal = Extract<SubscribeAck, { ok: false }>;

/**
 * Every event a socket emits passes here before its handler: at most `maxPerSecond` (a screen sends a handful when
 * it changes scope; a loop of re-subscriptions is answered `rate_limited` without touching anything), a credential
 * that has not expired, and `SOCKET_ACCESS_POLICY`: the role, and the payload's scope within the grants. A refused
 * event is answered through its acknowledgement and never reaches the handler. The count is kept synchronously, in
 * a fixed one-second window, so events keep the order they were sent in.
 */
export function gateEvents(socket: LiveSocket, sessions: LiveSessions, maxPerSecond: number): void {
  let windowStart = 0;
  let eventsInWindow = 0;
  socket.use(([event, ...args], next) => {
    const ack = args.at(-1);
    const refuse = (error: LiveEventRefusal, message: string): void => {
      if (typeof ack === 'function') (ack as (answer: Refusal) => void)({ ok: false, error, message });
    };
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      eventsInWindow = 0;
    }
    if (++eventsInWindow > maxPerSecond) return refuse('rate_limited', `at most ${maxPerSecond} events per second per connection`);

    const principal = socket.data.principal;
    if (principal.expiresAt !== null && principal.expiresAt.getTime() <= now) {
      refuse('token_expired', 'the access token expired; connect again with a fresh one');
      return sessions.end(socket, 'authExpired', { reason: 'token_expired', message: 'the access token expired; connect again with a fresh one' });
    }

    const policy = SOCKET_ACCESS_POLICY[event];
    if (!policy) return refuse('forbidden', `${event} is not an event of /live`);
    try {
      assertRoleAllowed(policy, principal, event);
      if (policy.scope.kind === 'payload') {
        const scope = scopeOf(args[0], policy.scope.field);
        if (scope !== undefined) assertWithinGrants(principal, scope, policy.scope.field);
      }
    } catch (error) {
      if (error instanceof AppError) return refuse('forbidden', error.message);
      throw error;
    }
    next();
  });
}

function scopeOf(payload: unknown, field: string): string | undefined {
  const value = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}
