import type { AppConfig } from '../../../config/app-config';

/** The origins besides the server's own that may use it: `ALLOWED_ORIGINS`, and `PUBLIC_URL`'s when set. */
export function allowedOriginsOf(config: AppConfig): string[] {
  const origins = new Set(config.allowedOrigins);
  if (config.publicUrl !== null) origins.add(new URL(config.publicUrl).origin);
  return [...origins];
}

/**
 * Whether a page served from `origin` may use this server, for CORS and the `/live` handshake alike: its own
 * origin (the host the request was sent to, so any port, address or proxy name that reaches the server unchanged)
 * or one of `allowedOriginsOf`. A request without `Origin` is not a browser page's script (k6, the simulator,
 * a source system); it carries its own credential, so it is allowed here and judged by that.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
