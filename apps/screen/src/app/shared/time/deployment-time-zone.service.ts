import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { isTimeZone } from './clock-format';

/** The zone the serving server wrote into the page's `gc-time-zone` meta; null when the page came without one. */
export function timeZoneOfPage(document: Document): string | null {
  const content = document.querySelector('meta[name="gc-time-zone"]')?.getAttribute('content')?.trim() ?? '';
  return content !== '' && isTimeZone(content) ? content : null;
}

/**
 * The deployment's time zone (the server's APP_TIMEZONE), in which every page shows every time. The server writes
 * it into the page it serves, so it is known before anything is shown; a page served otherwise (a development
 * server) learns it from the first answer that carries it (the snapshot's `timezone`, the ops overview), and shows
 * placeholders until then, never the browser's zone.
 */
@Injectable({ providedIn: 'root' })
export class DeploymentTimeZone {
  private readonly zoneSignal = signal<string | null>(timeZoneOfPage(inject(DOCUMENT)));

  readonly zone = this.zoneSignal.asReadonly();

  /** A zone an answer carries; the page's own, when it has one, stays (both are the same APP_TIMEZONE). */
  adopt(zone: string): void {
    if (this.zoneSignal() === null && isTimeZone(zone)) this.zoneSignal.set(zone);
  }
}
