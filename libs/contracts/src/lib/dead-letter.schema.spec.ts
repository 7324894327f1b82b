import { describe, expect, it } from '@jest/globals';
import { deadLetterIdSchema, deadLetterListQuerySchema, deadLetterReplayRequestSchema } from './dead-letter.schema';

const batchId = '0b7c5e0a-3f7e-4d2a-9c55-2a6f4f1f9e10';

describe('dead-letter contract', () => {
  it('reads <batchId>#<index> ids in lower case and refuses anything else', () => {
    expect(deadLetterIdSchema.parse(`${batchId.toUpperCase()}#12`)).toBe(`${batchId}#12`);
    for (const bad of [batchId, `${batchId}#`, `${batchId}#-1`, `${batchId}#01`, `${batchId}#12345`, `not-a-uuid#1`, `${batchId}#1#2`]) {
      expect(deadLetterIdSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('bounds the page', () => {
    expect(deadLetterListQuerySchema.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(deadLetterListQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
    expect(deadLetterListQuerySchema.safeParse({ offset: '-1' }).success).toBe(false);
    expect(deadLetterListQuerySchema.safeParse({ cursor: 'x' }).success).toBe(false);
  });

  it('takes an empty replay request or a whole corrected report, nothing else', () => {
    expect(deadLetterReplayRequestSchema.safeParse({}).success).toBe(true);
    expect(deadLetterReplayRequestSchema.safeParse({ report: { id: 'x' } }).success).toBe(false);
    expect(deadLetterReplayRequestSchema.safeParse({ reason: 'fixed' }).success).toBe(false);
  });
});
