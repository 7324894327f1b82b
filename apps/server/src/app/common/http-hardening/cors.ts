import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/**
 * CORS for pages served from the allowed origins (`ALLOWED_ORIGINS`, `PUBLIC_URL`: the screen hosted elsewhere, a
 * city portal). Pages of the server's own origin need none; any other origin gets no CORS headers, so its scripts
 * cannot read an answer. Credentials are bearer headers, never cookies, so none are allowed across origins.
 */
export function corsOptions(allowedOrigins: readonly string[]): CorsOptions {
  return {
    origin: (origin, decide) => decide(null, origin !== undefined && allowedOrigins.includes(origin)),
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  };
}
