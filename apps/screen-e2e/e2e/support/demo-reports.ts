import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_SOURCES, referenceFileSchema, reportSchema, type Report, type ReportCategory } from '@grid-command/contracts';
import { WORKSPACE_ROOT } from './workspace';

/** Grid codes of the demo district, in file order. */
export function demoGridCodes(): string[] {
  const file = referenceFileSchema.parse(JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'reference/demo-district.json'), 'utf8')));
  return file.features.filter((feature) => feature.properties.level === 'grid').map((feature) => feature.properties.code);
}

/** Roughly how a district's day splits: sanitation, property, noise and parking lead, the rest trail. */
const CATEGORY_MIX: readonly ReportCategory[] = [
  'environment_sanitation',
  'property_management',
  'noise',
  'parking',
  'environment_sanitation',
  'dispute',
  'public_facilities',
  'noise',
  'property_management',
  'parking',
  'environment_sanitation',
  'fire_safety',
  'gas_utilities',
  'elderly_care',
  'illegal_construction',
  'public_security',
  'epidemic_prevention',
  'other',
];

/**
 * `count` valid reports, reported now and spread like a real morning: a dozen hot grids take a third of them,
 * the rest scatter over the district; categories, severities and sources vary.
 */
export function demoReports(count: number, gridCodes: readonly string[]): Report[] {
  const hotGrids = gridCodes.filter((_, index) => index % 67 === 11);
  if (hotGrids.length === 0) throw new Error('no grid codes');
  const reportedAt = new Date().toISOString();
  return Array.from({ length: count }, (_, index) =>
    reportSchema.parse({
      id: randomUUID(),
      // 7919 is prime, so the scattered reports visit the grids in a well-mixed order.
      gridCode: index % 3 === 0 ? hotGrids[(index / 3) % hotGrids.length] : gridCodes[(index * 7919) % gridCodes.length],
      category: CATEGORY_MIX[(index * 7) % CATEGORY_MIX.length],
      severity: index % 29 === 0 ? 4 : index % 7 === 0 ? 3 : 1 + (index % 2),
      source: REPORT_SOURCES[index % REPORT_SOURCES.length],
      reportedAt,
    }),
  );
}

/** Posts the reports in one batch with the source's ingest key and checks the server took every one of them. */
export async function postReports(baseUrl: string, ingestKey: string, reports: readonly Report[]): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
    body: JSON.stringify(reports),
    signal: AbortSignal.timeout(10_000),
  });
  const body: unknown = await response.json();
  if (response.status !== 202) throw new Error(`POST /api/v1/reports answered ${response.status}: ${JSON.stringify(body)}`);
  const accepted = typeof body === 'object' && body !== null && 'accepted' in body ? body.accepted : undefined;
  if (accepted !== reports.length) throw new Error(`expected ${reports.length} accepted, got ${JSON.stringify(body)}`);
}
