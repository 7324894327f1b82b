import { describe, expect, it } from '@jest/globals';
import { PipelineMetrics } from './pipeline-metrics';

async function valueOf(metrics: PipelineMetrics, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return metric?.values.find((entry) => Object.entries(labels).every(([key, value]) => entry.labels[key] === value))?.value;
}

describe('PipelineMetrics', () => {
  it('keeps each process its own registry, so two apps in one process do not share counts', async () => {
    const first = new PipelineMetrics();
    const second = new PipelineMetrics();
    first.reportsAccepted('hotline_12345', 3);
    expect(await valueOf(first, 'gridcommand_ingest_reports_total', { outcome: 'accepted' })).toBe(3);
    expect(await valueOf(second, 'gridcommand_ingest_reports_total', { outcome: 'accepted' })).toBeUndefined();
  });

  it('labels a source outside the contract as unknown, so a refused body cannot mint label values', async () => {
    const metrics = new PipelineMetrics();
    metrics.reportsRefused('invalid_body', 'x'.repeat(40), 1);
    expect(await valueOf(metrics, 'gridcommand_ingest_reports_total', { outcome: 'refused', reason: 'invalid_body', source: 'unknown' })).toBe(1);
  });

  it('reads a sampled gauge once per ttl however many scrapes ask, and leaves it out while its sampler fails', async () => {
    const metrics = new PipelineMetrics();
    let reads = 0;
    metrics.deadLetterReports.sampleFrom(() => ++reads, 60_000);
    await Promise.all([metrics.scrape(), metrics.scrape(), metrics.scrape()]);
    expect(reads).toBe(1);
    expect(await valueOf(metrics, 'gridcommand_dead_letter_reports')).toBe(1);

    metrics.alerts.sampleFrom(() => Promise.reject(new Error('Redis away')));
    const { text } = await metrics.scrape();
    expect(text).toContain('gridcommand_dead_letter_reports 1');
    expect(text).not.toMatch(/^gridcommand_alerts\{/m);
  });

  it('refuses a second sampler for one gauge', () => {
    const metrics = new PipelineMetrics();
    metrics.redisUp.sampleFrom(() => 1);
    expect(() => metrics.redisUp.sampleFrom(() => 1)).toThrow('gridcommand_redis_up already has a sampler');
  });

  it('exposes process memory and event-loop lag under the prefix', async () => {
    const { text, contentType } = await new PipelineMetrics().scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^gridcommand_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^gridcommand_nodejs_eventloop_lag_p99_seconds /m);
  });
});
