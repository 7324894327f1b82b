import { createHash } from 'node:crypto';

/**
 * The id of the event `type` of `ticketId` at instant `at`: a name-based UUID (version 5 layout) of the
 * idempotency key, so the same event sent twice, by any process, gets the same id.
 */
export function ticketEventId(ticketId: string, type: string, at: string): string {
  const digest = createHash('sha1').update(`${ticketId}|${type}|${new Date(at).toISOString()}`).digest();
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
