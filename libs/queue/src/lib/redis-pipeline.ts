import type { Redis } from 'ioredis';

/** The pipeline's replies in order; the first failed command fails the whole call. */
export async function execOrThrow(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  return results.map(([, value]) => value);
}
