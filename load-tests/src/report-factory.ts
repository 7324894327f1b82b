import { REPORT_CATEGORIES, REPORT_SOURCES, type Report, type Severity } from '@grid-command/contracts';
import type { GridSite } from './grid-sites';

export interface ReportEntropy {
  /** Uniform in [0, 1). */
  readonly random: () => number;
  /** A fresh UUID: the idempotency key. */
  readonly newId: () => string;
  readonly now: () => number;
}

/**
 * Severity drives the server's critical-alert path, so load keeps the real share of it: mostly 一般,
 * about one in a hundred 特急. Categories and sources are uniform; their mix costs the server nothing extra.
 */
const SEVERITY_CUMULATIVE: ReadonlyArray<readonly [number, Severity]> = [
  [0.8, 1],
  [0.94, 2],
  [0.99, 3],
  [1, 4],
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function severity(random: () => number): Severity {
  const draw = random();
  return SEVERITY_CUMULATIVE.find(([upTo]) => draw < upTo)?.[1] ?? 1;
}

/** A valid report for one of the sites, with a realistic body size (location and a short description). */
export function makeReport(sites: readonly GridSite[], entropy: ReportEntropy): Report {
  const site = pick(sites, entropy.random);
  return {
    id: entropy.newId(),
    gridCode: site.code,
    category: pick(REPORT_CATEGORIES, entropy.random),
    severity: severity(entropy.random),
    source: pick(REPORT_SOURCES, entropy.random),
    reportedAt: new Date(entropy.now()).toISOString(),
    reporterId: `load-${Math.floor(entropy.random() * 1e6)}`,
    location: { lat: site.lat, lon: site.lon },
    description: '负载测试上报',
  };
}

export function makeBatch(sites: readonly GridSite[], size: number, entropy: ReportEntropy): Report[] {
  return Array.from({ length: size }, () => makeReport(sites, entropy));
}

/** Formats 16 random bytes as an RFC 4122 version-4 UUID, for runtimes (k6) without `crypto.randomUUID`. */
export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new RangeError(`a UUID needs 16 random bytes, got ${bytes.length}`);
  const b = Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
