import { alertNoticeSchema, type AlertNotice } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { subscribeParsed } from './channel-subscription';
import { ALERTS_CHANNEL } from './queue-definitions';

/** Every alert change, as the record store's scripts announce it. `subscriber` is a subscribed connection. */
export function subscribeAlertNotices(subscriber: Redis, onNotice: (notice: AlertNotice) => void, onInvalid: (problem: string) => void): Promise<void> {
  return subscribeParsed(subscriber, ALERTS_CHANNEL, alertNoticeSchema, onNotice, onInvalid);
}
