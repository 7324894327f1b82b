import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../access';
import { RateLimits } from './rate-limits.service';

/**
 * Counts every authenticated request against its principal's budget, after the access guard has resolved who it is
 * and before the handler runs: 429 `rate_limited` with `Retry-After` once it is spent. Public routes are not counted.
 */
@Injectable()
export class RequestBudgetInterceptor implements NestInterceptor {
  constructor(private readonly limits: RateLimits) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) return next.handle();
    try {
      this.limits.countRequest(principal);
    } catch (refusal) {
      return throwError(() => refusal);
    }
    return next.handle();
  }
}
