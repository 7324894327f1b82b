import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { invalidInput } from '../common/invalid-input';
import { PipelineMetrics } from '../common/telemetry';

/** Prometheus sends none; a parameter here is a mistake (a filter this endpoint does not have), said as one. */
const noParameters = z.strictObject({});

/** This process's metrics in Prometheus' text format: each role (api, live, worker) answers with its own. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PipelineMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<string> {
    const parsed = noParameters.safeParse(query);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    const { contentType, text } = await this.metrics.scrape();
    response.type(contentType);
    return text;
  }
}
