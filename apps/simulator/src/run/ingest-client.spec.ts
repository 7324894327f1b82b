import type { Report } from '@grid-command/contracts';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fixedBearer } from '../auth/bearer';
import { IngestClient } from './ingest-client';

const report: Report = {
  id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
  gridCode: '450103001001001',
  category: 'noise',
  severity: 1,
  source: 'resident_app',
  reportedAt: '2025-11-23T20:00:00.000+08:00',
};

const realFetch = globalThis.fetch;

function answer(status: number, body: unknown): jest.Mock<typeof fetch> {
  const fake = jest.fn<typeof fetch>(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
  globalThis.fetch = fake;
  return fake;
}

const never = new AbortController().signal;
const KEY = 'gck_test_0123456789abcdef';
const key = fixedBearer(KEY);

afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('IngestClient', () => {
  it('posts one report as an object and several as an array, to /api/v1/reports, with the ingest key as bearer', async () => {
    const fake = answer(202, { accepted: 1, duplicates: 0 });
    const client = new IngestClient('http://127.0.0.1:3999/ignored/path', key);
    await client.post([report], never);
    await client.post([report, { ...report, id: '2b4e28ba-2fa1-4d2b-883f-0016d3cca427' }], never);
    const [url, first] = fake.mock.calls[0] as unknown as [string, RequestInit];
    const [, second] = fake.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:3999/api/v1/reports');
    expect(JSON.parse(String(first.body))).toEqual(report);
    expect(JSON.parse(String(second.body))).toHaveLength(2);
    expect(first.headers).toMatchObject({ authorization: `Bearer ${KEY}` });
  });

  it('reads accepted and duplicates from a 202', async () => {
    answer(202, { accepted: 3, duplicates: 1 });
    expect(await new IngestClient('http://127.0.0.1:3999', key).post([report], never)).toMatchObject({ kind: 'acknowledged', accepted: 3, duplicates: 1 });
  });

  it('marks a 503 as retryable and a 422 as rejected, quoting the API error', async () => {
    answer(503, { statusCode: 503, error: 'unavailable', message: 'queue unavailable' });
    expect(await new IngestClient('http://127.0.0.1:3999', key).post([report], never)).toMatchObject({
      kind: 'retryable',
      reason: '503 unavailable: queue unavailable',
    });
    answer(422, { statusCode: 422, error: 'unknown_grid', message: 'unknown grid 450103001001999' });
    expect(await new IngestClient('http://127.0.0.1:3999', key).post([report], never)).toMatchObject({ kind: 'rejected', reason: '422 unknown_grid: unknown grid 450103001001999' });
  });

  it('reads a 503 or 429 with Retry-After as backpressure to wait out, and a 503 without it as retryable', async () => {
    const refuse = (status: number, headers: Record<string, string>) => {
      globalThis.fetch = jest.fn<typeof fetch>(() =>
        Promise.resolve(new Response(JSON.stringify({ statusCode: status, error: 'overloaded', message: 'queue over INGEST_MAX_QUEUE_DEPTH=2' }), { status, headers })),
      );
      return new IngestClient('http://127.0.0.1:3999', key).post([report], never);
    };
    expect(await refuse(503, { 'retry-after': '7' })).toMatchObject({ kind: 'backpressure', retryAfterMs: 7_000, reason: '503 overloaded: queue over INGEST_MAX_QUEUE_DEPTH=2' });
    expect(await refuse(429, { 'retry-after': '2' })).toMatchObject({ kind: 'backpressure', retryAfterMs: 2_000 });
    expect(await refuse(503, {})).toMatchObject({ kind: 'retryable' });
  });

  it('refuses a 202 whose body is not the contract', async () => {
    answer(202, { ok: true });
    expect(await new IngestClient('http://127.0.0.1:3999', key).post([report], never)).toMatchObject({ kind: 'rejected' });
  });

  it('turns a refused connection into a retryable outcome naming the error code', async () => {
    globalThis.fetch = jest.fn<typeof fetch>(() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })));
    expect(await new IngestClient('http://127.0.0.1:3999', key).post([report], never)).toMatchObject({ kind: 'retryable', reason: 'ECONNREFUSED' });
  });
});
