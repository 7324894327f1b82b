import type { Report } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { connectLive, type LiveClient } from '../testing/live-client';
import { parsePrometheusText, sampleSum, type PrometheusSample } from '../testing/prometheus-text';
import { callApi, demoGridCodes, startTestServer, tempDataDir, until, type RunningServer } from '../testing/test-server';

const SCRAPE_TOKEN = 'prometheus-metrics-spec-scrape-token-0123456789';
const DISTRICT = 'district:450103';
const grids = demoGridCodes();

function report(index: number, source: Report['source']): Report {
  return { id: randomUUID(), gridCode: grids[(index * 11) % grids.length] ?? '', category: 'parking', severity: 1, source, reportedAt: new Date().toISOString() };
}

describe('GET /metrics: the pipeline as Prometheus sees it', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let operator: string;
  let leader: string;
  let ingestKey: string;

  const scrapeText = async (token = operator): Promise<{ status: number; contentType: string | null; text: string }> => {
    const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  };
  const scrape = async (token = operator): Promise<PrometheusSample[]> => {
    const answer = await scrapeText(token);
    expect(answer.status).toBe(200);
    return parsePrometheusText(answer.text);
  };
  /** Scrapes until `probe` of the samples holds, and answers those samples. */
  const scrapeUntil = (what: string, probe: (samples: PrometheusSample[]) => boolean, timeoutMs = 20_000): Promise<PrometheusSample[]> =>
    until(async () => {
      const samples = await scrape();
      return probe(samples) ? samples : undefined;
    }, timeoutMs, what);
  const post = (body: unknown, key = ingestKey) => callApi(server, 'POST', '/api/v1/reports', body, key);

  beforeAll(async () => {
    server = await startTestServer(dataDir.path, { METRICS_SCRAPE_TOKEN: SCRAPE_TOKEN, LIVE_PUSH_INTERVAL_MS: '200', RATE_LIMIT_INGEST_KEY_PER_SECOND: '2' });
    operator = await server.credentials.userToken({ roles: ['operator'], scopes: [DISTRICT] });
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: [DISTRICT] });
    ingestKey = await server.credentials.ingestKey(DISTRICT);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
  });

  it('answers the operator and the scrape token in the text format, and nobody else', async () => {
    const byOperator = await scrapeText();
    expect(byOperator.status).toBe(200);
    expect(byOperator.contentType).toMatch(/^text\/plain;.* version=0\.0\.4/);
    expect(byOperator.text).toContain('# HELP gridcommand_ingest_reports_total ');
    const byScraper = await scrapeText(SCRAPE_TOKEN);
    expect(byScraper.status).toBe(200);
    expect(parsePrometheusText(byScraper.text).length).toBeGreaterThan(50);
    expect((await scrapeText(`${SCRAPE_TOKEN}x`)).status).toBe(401);
    expect((await scrapeText(leader)).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
  });

  it('counts accepted reports by source, then duplicates and refusals by reason, and times them through the pipeline', async () => {
    const socket: LiveClient = await connectLive(server, leader);
    try {
      expect((await socket.timeout(5_000).emitWithAck('subscribe', { scope: DISTRICT })).ok).toBe(true);
      const first = Array.from({ length: 12 }, (_, index) => report(index, 'grid_worker'));
      const second = Array.from({ length: 8 }, (_, index) => report(100 + index, 'hotline_12345'));
      for (const body of [first, second]) expect((await post(body)).body).toEqual({ accepted: body.length, duplicates: 0 });

      // Stored: every accepted report went through a batch insert, and a subscribed screen was pushed the result.
      let samples = await scrapeUntil(
        'the 20 reports stored and pushed',
        (s) => sampleSum(s, 'gridcommand_store_batch_reports_sum') === 20 && (sampleSum(s, 'gridcommand_report_accepted_to_pushed_seconds_count') ?? 0) > 0,
      );
      expect(sampleSum(samples, 'gridcommand_ingest_reports_total', { outcome: 'accepted', source: 'grid_worker' })).toBe(12);
      expect(sampleSum(samples, 'gridcommand_ingest_reports_total', { outcome: 'accepted', source: 'hotline_12345' })).toBe(8);
      expect(sampleSum(samples, 'gridcommand_ingest_accept_duration_seconds_count')).toBe(2);
      expect(sampleSum(samples, 'gridcommand_store_batch_reports_count')).toBeGreaterThan(0);
      expect(sampleSum(samples, 'gridcommand_store_insert_duration_seconds_count')).toBe(sampleSum(samples, 'gridcommand_store_batch_reports_count'));
      expect(sampleSum(samples, 'gridcommand_report_accepted_to_stored_seconds_count')).toBe(sampleSum(samples, 'gridcommand_store_batch_reports_count'));

      expect((await post(first)).body).toEqual({ accepted: 0, duplicates: 12 });
      const invalid = { ...report(200, 'resident_app'), category: 'graffiti' };
      expect((await post([invalid, report(201, 'resident_app')])).status).toBe(400);
      expect((await post({ ...report(202, 'grid_worker'), source: 'a source nobody declared' })).status).toBe(400);
      samples = await scrape();
      expect(sampleSum(samples, 'gridcommand_ingest_reports_total', { outcome: 'duplicate', source: 'grid_worker' })).toBe(12);
      expect(sampleSum(samples, 'gridcommand_ingest_reports_total', { outcome: 'refused', reason: 'invalid_body', source: 'resident_app' })).toBe(2);
      expect(sampleSum(samples, 'gridcommand_ingest_reports_total', { outcome: 'refused', reason: 'invalid_body', source: 'unknown' })).toBe(1);
      expect(sampleSum(samples, 'gridcommand_ingest_reports_total', { outcome: 'accepted' })).toBe(20);
      expect(sampleSum(samples, 'gridcommand_ingest_accept_duration_seconds_count')).toBe(3);
    } finally {
      socket.close();
    }
  }, 60_000);

  it('samples the queue, the stores, the dead letters and the alerts', async () => {
    const samples = await scrapeUntil('the report queue sampled', (s) => sampleSum(s, 'gridcommand_queue_waiting_jobs', { queue: 'reports' }) !== undefined);
    expect(sampleSum(samples, 'gridcommand_queue_oldest_waiting_seconds', { queue: 'reports' })).toBeGreaterThanOrEqual(0);
    expect(sampleSum(samples, 'gridcommand_redis_up')).toBe(1);
    expect(sampleSum(samples, 'gridcommand_clickhouse_up')).toBe(1);
    expect(sampleSum(samples, 'gridcommand_redis_restarts_total')).toBe(0);
    expect(sampleSum(samples, 'gridcommand_dead_letter_reports')).toBe(0);
    expect(sampleSum(samples, 'gridcommand_alerts', { state: 'open' })).toBeGreaterThanOrEqual(0);
    expect(sampleSum(samples, 'gridcommand_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleSum(samples, 'gridcommand_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
  });

  it('counts the live sockets and their subscriptions as they come and go', async () => {
    const sockets = (s: PrometheusSample[]): number | undefined => sampleSum(s, 'gridcommand_live_sockets');
    await scrapeUntil('no socket left open', (s) => sockets(s) === 0);
    const socket = await connectLive(server, leader);
    try {
      await scrapeUntil('one socket', (s) => sockets(s) === 1 && sampleSum(s, 'gridcommand_live_subscriptions', { kind: 'snapshot' }) === 0);
      expect((await socket.timeout(5_000).emitWithAck('subscribe', { scope: DISTRICT })).ok).toBe(true);
      expect((await socket.timeout(5_000).emitWithAck('watchAlerts', { scope: DISTRICT })).ok).toBe(true);
      const samples = await scrape();
      expect(sampleSum(samples, 'gridcommand_live_subscriptions', { kind: 'snapshot' })).toBe(1);
      expect(sampleSum(samples, 'gridcommand_live_subscriptions', { kind: 'alerts' })).toBe(1);
    } finally {
      socket.close();
    }
    await scrapeUntil('the socket gone', (s) => sockets(s) === 0 && sampleSum(s, 'gridcommand_live_subscriptions', { kind: 'snapshot' }) === 0);
  });

  it('counts every 429 of a spent request budget by budget', async () => {
    const key = await server.credentials.ingestKey(DISTRICT);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => post([report(300 + index, 'iot_sensor')], key)));
    const refused = answers.filter((answer) => answer.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(sampleSum(await scrape(SCRAPE_TOKEN), 'gridcommand_rate_limit_refusals_total', { budget: 'ingest_key' })).toBe(refused);
  });
});
