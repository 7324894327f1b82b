import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RateLimits } from './rate-limits.service';

/**
 * Before any credential is looked at: refuses an address that has spent its budget of failed authentications, and
 * counts every request that presented a credential and was answered 401 (wrong, expired or revoked) against its
 * address, so guessing keys or tokens from one place stops after `RATE_LIMIT_FAILED_AUTH_PER_MINUTE`. A request with
 * no credential at all guesses nothing and costs no lookup, so it is not counted; failed logins have their own
 * lockout per account.
 */
@Injectable()
export class FailedAuthenticationThrottle implements NestMiddleware {
  constructor(private readonly limits: RateLimits) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    try {
      this.limits.assertAddressAllowed(address);
    } catch (error) {
      next(error);
      return;
    }
    if (request.headers.authorization === undefined) return next();
    response.once('finish', () => {
      if (response.statusCode === 401) void this.limits.countFailedAuthentication(address);
    });
    next();
  }
}
