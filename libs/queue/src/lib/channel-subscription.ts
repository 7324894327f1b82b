import type { Redis } from 'ioredis';
import type { z } from 'zod';

/** Calls `onMessage` with each message on the channel that parses against the schema, `onInvalid` with what did not. */
export async function subscribeParsed<T>(
  subscriber: Redis,
  channel: string,
  schema: z.ZodType<T>,
  onMessage: (message: T) => void,
  onInvalid: (problem: string) => void,
): Promise<void> {
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    try {
      const parsed = schema.safeParse(JSON.parse(message));
      if (parsed.success) onMessage(parsed.data);
      else onInvalid(parsed.error.message);
    } catch (error) {
      onInvalid((error as Error).message);
    }
  });
  await subscriber.subscribe(channel);
}
