/** The `<meta>` of the screen's index.html that the server fills with the deployment's time zone. */
const TIME_ZONE_META = /<meta\s+name="gc-time-zone"[^>]*>/;

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/**
 * The screen's index.html with the deployment's time zone in its `gc-time-zone` meta, so every page formats its
 * first time in that zone and none flashes the browser's. A page built without the meta gets one in its head.
 */
export function indexWithTimeZone(html: string, timeZone: string): string {
  const content = timeZone.replace(/[&"<>]/g, (character) => ATTRIBUTE_ESCAPES[character] ?? character);
  const meta = `<meta name="gc-time-zone" content="${content}" />`;
  return TIME_ZONE_META.test(html) ? html.replace(TIME_ZONE_META, meta) : html.replace('</head>', `${meta}</head>`);
}
