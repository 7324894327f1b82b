import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { FailedAuthenticationThrottle } from './failed-authentication.middleware';
import { RateLimits } from './rate-limits.service';
import { RequestBudgetInterceptor } from './request-budget.interceptor';

/** Request budgets on every REST route: failed authentications per address, requests per principal. */
@Module({
  providers: [RateLimits, { provide: APP_INTERCEPTOR, useClass: RequestBudgetInterceptor }],
  exports: [RateLimits],
})
export class RateLimitsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FailedAuthenticationThrottle).forRoutes('*');
  }
}
