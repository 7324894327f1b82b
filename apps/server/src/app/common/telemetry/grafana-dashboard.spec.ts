import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { METRIC_PREFIX, PipelineMetrics } from './pipeline-metrics';

const DASHBOARD_FILE = join(__dirname, '../../../../../../dashboards/grafana/grid-command.json');
const PROMETHEUS_CONFIG = join(__dirname, '../../../../../../infra/prometheus/prometheus.yml');

interface Target {
  readonly expr?: string;
}
interface Panel {
  readonly title: string;
  readonly datasource?: { readonly uid?: string };
  readonly targets?: readonly Target[];
}
interface Dashboard {
  readonly schemaVersion: number;
  readonly templating: { readonly list: ReadonlyArray<{ readonly name: string; readonly type: string; readonly query?: unknown; readonly definition?: string }> };
  readonly panels: readonly Panel[];
}

const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as Dashboard;
const expressions = [
  ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr ?? '')),
  ...dashboard.templating.list.flatMap((variable) => (variable.definition ? [variable.definition] : [])),
];
/** Every `gridcommand_…` series a query names, histogram series (`_bucket`, `_sum`, `_count`) as the histogram's name. */
const queried = new Set(expressions.flatMap((expr) => [...expr.matchAll(/\bgridcommand_[a-zA-Z0-9_]+/g)].map(([name]) => name)));

async function declared(): Promise<{ all: Map<string, string>; pipeline: Set<string> }> {
  const metrics = await new PipelineMetrics().registry.getMetricsAsJSON();
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults, prefix: METRIC_PREFIX });
  const defaultNames = new Set((await defaults.getMetricsAsJSON()).map((metric) => metric.name));
  return {
    all: new Map(metrics.map((metric) => [metric.name, String(metric.type)])),
    pipeline: new Set(metrics.map((metric) => metric.name).filter((name) => !defaultNames.has(name))),
  };
}

function metricOf(series: string, types: ReadonlyMap<string, string>): string | undefined {
  if (types.has(series)) return series;
  const histogram = /^(.*)_(bucket|sum|count)$/.exec(series)?.[1];
  return histogram !== undefined && types.get(histogram) === 'histogram' ? histogram : undefined;
}

describe('dashboards/grafana/grid-command.json', () => {
  it('queries only metrics the registry declares, so a renamed metric cannot leave a panel empty', async () => {
    const { all } = await declared();
    expect(queried.size).toBeGreaterThan(15);
    expect([...queried].filter((series) => metricOf(series, all) === undefined)).toEqual([]);
  });

  it('shows every pipeline metric PipelineMetrics declares', async () => {
    const { all, pipeline } = await declared();
    const shown = new Set([...queried].flatMap((series) => metricOf(series, all) ?? []));
    expect([...pipeline].filter((name) => !shown.has(name))).toEqual([]);
  });

  it('takes its Prometheus from a datasource variable in every panel and query', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
    expect(dashboard.panels.filter((panel) => panel.datasource?.uid !== '${datasource}').map((panel) => panel.title)).toEqual([]);
  });

  it('is scraped with the scrape token from a file by the Prometheus config', () => {
    const config = readFileSync(PROMETHEUS_CONFIG, 'utf8');
    expect(config).toMatch(/metrics_path: \/metrics/);
    expect(config).toMatch(/credentials_file: \/run\/secrets\/metrics_scrape_token/);
    expect(config).toContain("'api:3000'");
    expect(config).toContain("'worker:3000'");
  });
});
