import type { IngestAccepted } from '@grid-command/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { IngestService } from './ingest.service';

@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly ingest: IngestService) {}

  /** 202 once every new report of the body is durably queued; repeated ids are counted as duplicates. */
  @Post()
  @HttpCode(202)
  accept(@Body() body: unknown): Promise<IngestAccepted> {
    return this.ingest.ingest(body);
  }
}
