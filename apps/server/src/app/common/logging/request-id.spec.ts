import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from './request-id';

function idFor(incoming: string | undefined): { id: string; echoed: unknown } {
  const headers: Record<string, unknown> = {};
  const response = { setHeader: (name: string, value: unknown) => (headers[name] = value) } as unknown as ServerResponse;
  const id = requestIdOf({ headers: incoming === undefined ? {} : { 'x-request-id': incoming } } as IncomingMessage, response);
  return { id, echoed: headers['X-Request-Id'] };
}

describe('requestIdOf', () => {
  it("keeps a caller's plain id and echoes it", () => {
    expect(idFor('0f8c2a4e-trace:span.1_a')).toEqual({ id: '0f8c2a4e-trace:span.1_a', echoed: '0f8c2a4e-trace:span.1_a' });
  });

  it('replaces a missing, long or unusual id with a new UUID', () => {
    for (const incoming of [undefined, '', 'x'.repeat(65), 'two words', '{"level":60}']) {
      const { id, echoed } = idFor(incoming);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(echoed).toBe(id);
    }
  });
});
