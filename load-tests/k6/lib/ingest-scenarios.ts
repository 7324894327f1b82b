import { requireIngestKey } from './credentials';
import { districtScope } from './district';
import { numberFromEnv } from './env';
import { postReports, requireReady } from './ingest';

/** Reports per request from a gateway (a hotline system or a sensor hub forwarding in bulk). */
const GATEWAY_BATCH = numberFromEnv('GATEWAY_BATCH', 100, 1, 1_000);

/** The scenario functions both ingest scripts run; each script only sets their arrival rates. */
export function setup(): void {
  requireReady();
  requireIngestKey(districtScope);
}

/** A grid worker's phone or a single sensor: one report per request. */
export function device(): void {
  postReports(1);
}

export function gateway(): void {
  postReports(GATEWAY_BATCH);
}
