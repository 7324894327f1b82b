import { Global, Module } from '@nestjs/common';
import { PipelineMetrics } from './pipeline-metrics';

/** One `PipelineMetrics` (and so one Prometheus registry) per process, reachable by every capability. */
@Global()
@Module({
  providers: [{ provide: PipelineMetrics, useFactory: () => new PipelineMetrics() }],
  exports: [PipelineMetrics],
})
export class TelemetryModule {}
