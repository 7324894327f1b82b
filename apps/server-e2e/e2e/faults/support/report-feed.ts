import type { Report } from '@grid-command/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace';

export const DISTRICT_SCOPE = 'district:450103';

/** The demo district's grid codes, which the server's reference data knows. */
export const GRID_CODES: readonly string[] = (
  JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'reference/demo-district.json'), 'utf8')) as {
    features: Array<{ properties: { level: string; code: string } }>;
  }
).features
  .filter((feature) => feature.properties.level === 'grid')
  .map((feature) => feature.properties.code);

/** An ordinary, valid report of now, with a fresh id; `overrides` changes what a scenario needs. */
export function newReport(index: number, overrides: Partial<Report> = {}): Report {
  return {
    id: randomUUID(),
    gridCode: GRID_CODES[index % GRID_CODES.length] ?? '',
    category: 'environment_sanitation',
    severity: 1,
    source: 'iot_sensor',
    reportedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** `requests` request bodies of `perRequest` reports each; every report has its own id, kept across retries. */
export function requestBodies(requests: number, perRequest: number): Report[][] {
  return Array.from({ length: requests }, (_, request) => Array.from({ length: perRequest }, (_, position) => newReport(request * perRequest + position)));
}
