export { METRIC_PREFIX, PipelineMetrics, type RateLimitBudget, type RefusalReason, type SourceLabel } from './pipeline-metrics';
export { CachedSample } from './cached-sample';
export { SAMPLE_TTL_MS, SampledGauge, type GaugeReading } from './sampled-gauge';
export { TelemetryModule } from './telemetry.module';
