import { reportsStoredEventSchema, type ReportsStoredEvent } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { subscribeParsed } from './channel-subscription';
import { REPORTS_STORED_CHANNEL } from './queue-definitions';

/** Redis pub/sub, so workers and live push can run in different processes. Losing one is harmless: live push also refreshes on a timer. */
export async function publishReportsStored(redis: Redis, event: ReportsStoredEvent): Promise<void> {
  await redis.publish(REPORTS_STORED_CHANNEL, JSON.stringify(event));
}

/** `subscriber` must be a connection of its own: a subscribed Redis connection can do nothing else. */
export function subscribeReportsStored(
  subscriber: Redis,
  onEvent: (event: ReportsStoredEvent) => void,
  onInvalid: (problem: string) => void,
): Promise<void> {
  return subscribeParsed(subscriber, REPORTS_STORED_CHANNEL, reportsStoredEventSchema, onEvent, onInvalid);
}
