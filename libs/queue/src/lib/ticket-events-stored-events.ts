import { ticketEventsStoredEventSchema, type TicketEventsStoredEvent } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { subscribeParsed } from './channel-subscription';
import { TICKET_EVENTS_STORED_CHANNEL } from './queue-definitions';

/** Redis pub/sub, so the relay and live push can run in different processes. Losing one is harmless: KPI push also refreshes on a timer. */
export async function publishTicketEventsStored(redis: Redis, event: TicketEventsStoredEvent): Promise<void> {
  await redis.publish(TICKET_EVENTS_STORED_CHANNEL, JSON.stringify(event));
}

/** `subscriber` must be a connection of its own: a subscribed Redis connection can do nothing else. */
export function subscribeTicketEventsStored(
  subscriber: Redis,
  onEvent: (event: TicketEventsStoredEvent) => void,
  onInvalid: (problem: string) => void,
): Promise<void> {
  return subscribeParsed(subscriber, TICKET_EVENTS_STORED_CHANNEL, ticketEventsStoredEventSchema, onEvent, onInvalid);
}
