import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The configured METRICS_SCRAPE_TOKEN, which Prometheus presents as `Authorization: Bearer <token>` on the routes
 * whose policy says `scrapeToken: true`. It is no principal: it names nobody and reaches nothing else. Compared as
 * SHA-256 digests in constant time, so neither the comparison's time nor the token's length leaks.
 */
export class ScrapeToken {
  private readonly digest: Buffer | null;

  constructor(token: string | null) {
    this.digest = token === null ? null : sha256(token);
  }

  /** Whether `authorization` is `Bearer <the configured token>`; always false when none is configured. */
  matches(authorization: string | undefined): boolean {
    if (this.digest === null || authorization === undefined || !authorization.startsWith('Bearer ')) return false;
    return timingSafeEqual(sha256(authorization.slice('Bearer '.length)), this.digest);
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
