import type { IngestAccepted } from '@grid-command/contracts';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { tap, type Observable } from 'rxjs';
import { AppError } from '../common/errors/app-error';
import { PipelineMetrics } from '../common/telemetry';

/**
 * Counts the reports of every body the ingest route answers: accepted and duplicate from its 202, refused (with the
 * error code) when it throws — invalid, unknown grid, overloaded, Redis away. A refusal before the route (a bad
 * credential, a spent request budget) is the access guard's and the rate limits' to count. Counters only: nothing
 * here waits.
 */
@Injectable()
export class IngestMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: PipelineMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler<IngestAccepted>): Observable<IngestAccepted> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    return next.handle().pipe(
      tap({
        next: ({ accepted, duplicates }) => {
          const source = sourceOf(body);
          this.metrics.reportsAccepted(source, accepted);
          this.metrics.reportsDuplicate(source, duplicates);
        },
        error: (error: unknown) => {
          this.metrics.reportsRefused(error instanceof AppError ? error.code : 'internal', sourceOf(body), Array.isArray(body) ? body.length : 1);
        },
      }),
    );
  }
}

/** The source the body's reports name, `mixed` when they differ; the metrics bound whatever this answers. */
function sourceOf(body: unknown): string {
  const reports: unknown[] = Array.isArray(body) ? body : [body];
  const sources = new Set(reports.map((report) => (report !== null && typeof report === 'object' ? (report as Record<string, unknown>)['source'] : undefined)));
  if (sources.size > 1) return 'mixed';
  const [source] = sources;
  return typeof source === 'string' ? source : 'unknown';
}
