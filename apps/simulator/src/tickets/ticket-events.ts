import type { TicketEventInput } from '@grid-command/contracts';
import { toLocalIso } from '../feed/local-time';
import type { PlannedEvent } from './lifecycle';

/** The body the API takes for one planned event, dated in local time with its offset as a Chinese client would. */
export function toEventInput(event: PlannedEvent): TicketEventInput {
  const { atMs, ...rest } = event;
  return { ...rest, at: toLocalIso(atMs) };
}
