import type { IngestAccepted } from '@grid-command/contracts';
import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { IngestBackpressure } from './backpressure/ingest-backpressure.service';
import { IngestMetricsInterceptor } from './ingest-metrics.interceptor';
import { IngestService } from './ingest.service';

@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly ingest: IngestService,
    private readonly backpressure: IngestBackpressure,
  ) {}

  /**
   * 202 once every new report of the body is durably queued; repeated ids are counted as duplicates. 503 `overloaded`
   * with Retry-After, before anything is queued or marked, while the queue is over its bounds.
   */
  @Post()
  @HttpCode(202)
  @UseInterceptors(IngestMetricsInterceptor)
  async accept(@Body() body: unknown): Promise<IngestAccepted> {
    this.backpressure.admit();
    return this.ingest.ingest(body);
  }
}
