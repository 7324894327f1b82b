import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet's headers (nosniff, no framing, no referrer, same-origin resource and opener policies) with a content
 * security policy the built screen passes: its own scripts only, no inline script or event handler (the screen's
 * build inlines no critical CSS, whose loader is an `onload` handler); inline styles, because Angular puts component
 * styles in `<style>` and ECharts styles its elements; images from itself, `data:` and `blob:` (chart
 * exports); connections to itself only (`'self'` covers its own `ws:`/`wss:` for `/live`). No
 * `upgrade-insecure-requests`: a wall on a plain-HTTP LAN address must keep loading.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // The same as frame-ancestors 'none', for browsers that predate it.
    xFrameOptions: { action: 'deny' },
  });
}
