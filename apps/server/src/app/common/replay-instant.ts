import { boundedInstantSchema, REPLAY_MAX_FUTURE_SKEW_SECONDS } from '@grid-command/contracts';
import { startOfDay } from '@grid-command/domain';
import { AppError } from './errors/app-error';

const refuse = (message: string): AppError => new AppError('invalid_parameter', `at: ${message}`, { issues: [{ index: 0, path: 'at', message }] });

/** `?at=` of a replay: absent is live (null); anything but one ISO-8601 instant with an offset is refused, naming `at`. */
export function parseReplayInstant(raw: unknown): Date | null {
  if (raw === undefined) return null;
  const parsed = boundedInstantSchema.safeParse(raw);
  if (!parsed.success) throw refuse(parsed.error.issues[0]?.message ?? 'invalid');
  return new Date(parsed.data);
}

/**
 * Whether the store can answer for `at`: not ahead of the server's clock by more than a small skew (the future has
 * no figures yet) and not before the day, in the deployment's zone, the stored history begins (before it the store
 * would answer zeros that were never true). An empty store answers zeros for any past moment, which is what it held.
 */
export function checkReplayInstant(at: Date, now: Date, historyStart: Date | null, timeZone: string): void {
  const latest = now.getTime() + REPLAY_MAX_FUTURE_SKEW_SECONDS * 1000;
  if (at.getTime() > latest) throw refuse(`must not be in the future (the server's clock reads ${now.toISOString()})`);
  if (historyStart === null) return;
  const earliest = startOfDay(historyStart, timeZone);
  if (at.getTime() < earliest.getTime()) throw refuse(`must not be before ${earliest.toISOString()}, the start of the day the stored history begins`);
}
