import type { AlertMute } from '@grid-command/contracts';

/** Mutes still in force at `nowMs` (the list may be up to a refresh old), the one ending soonest first. */
export function activeMutes(mutes: readonly AlertMute[], nowMs: number): AlertMute[] {
  return mutes.filter((mute) => Date.parse(mute.until) > nowMs && Date.parse(mute.from) <= nowMs).sort((a, b) => Date.parse(a.until) - Date.parse(b.until));
}
