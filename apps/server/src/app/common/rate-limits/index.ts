export { RateLimits } from './rate-limits.service';
export { RateLimitsModule } from './rate-limits.module';
