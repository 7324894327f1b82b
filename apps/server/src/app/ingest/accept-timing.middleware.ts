import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PipelineMetrics } from '../common/telemetry';

/**
 * Times POST /api/v1/reports from the request reaching the route (before its credential and body are read) to its
 * 202 being sent: the latency a source system sees, minus the network.
 */
@Injectable()
export class AcceptTimingMiddleware implements NestMiddleware {
  constructor(private readonly metrics: PipelineMetrics) {}

  use(_request: Request, response: Response, next: NextFunction): void {
    const startedAt = process.hrtime.bigint();
    response.once('finish', () => {
      if (response.statusCode === 202) this.metrics.accepted(Number(process.hrtime.bigint() - startedAt) / 1e9);
    });
    next();
  }
}
