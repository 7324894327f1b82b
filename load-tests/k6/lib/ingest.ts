import { check, sleep } from 'k6';
import { randomBytes } from 'k6/crypto';
import execution from 'k6/execution';
import http from 'k6/http';
import { Counter, Rate } from 'k6/metrics';
import { ingestAcceptedSchema, type Report } from '@grid-command/contracts';
import { backpressureSeconds } from '../../src/backpressure';
import { makeBatch, uuidFromBytes, type ReportEntropy } from '../../src/report-factory';
import { ingestHeaders } from './credentials';
import { BASE_URL } from './env';
import { gridSites } from './district';
import { jsonOf } from './json';

const entropy: ReportEntropy = {
  random: Math.random,
  newId: () => uuidFromBytes(new Uint8Array(randomBytes(16))),
  now: Date.now,
};

/** Reports the API acknowledged as new: its rate is the throughput that matters, whatever the batch size. */
export const reportsAccepted = new Counter('reports_accepted');
const reportsDuplicated = new Counter('reports_duplicated');

/**
 * Requests answered 503 or 429 with Retry-After: the server shedding load, as it should, so neither a failed request
 * nor a failed check. The rate is their share of every ingest request.
 */
const ingestBackpressure = new Counter('ingest_backpressure');
const ingestBackpressured = new Rate('ingest_backpressured');

/** Per VU: a batch the server asked to have again later, by size, sent by the VU's next call of that size. */
const refusedBatches = new Map<number, Report[]>();
let lastRefusedForLoad = false;

/** Whether this VU's last postReports was refused with Retry-After (its batch goes again next time), not failed. */
export function lastPostRefusedForLoad(): boolean {
  return lastRefusedForLoad;
}

/**
 * Posts `size` fresh reports as one request (an object for one, an array otherwise), as clients do; `shape` may
 * change each (say, make it critical). Returns the reports when the API acknowledged them (each is now a ticket),
 * none otherwise. A batch refused with Retry-After is resent as it was (same ids, same shape) by the next call of
 * the same size, after this one sleeps out the Retry-After.
 */
export function postReports(size: number, shape: (report: Report) => Report = (report) => report): Report[] {
  const reports = refusedBatches.get(size) ?? makeBatch(gridSites, size, entropy).map(shape);
  refusedBatches.delete(size);
  const response = http.post(`${BASE_URL}/api/v1/reports`, JSON.stringify(size === 1 ? reports[0] : reports), {
    headers: { ...ingestHeaders(), 'content-type': 'application/json' },
    tags: { name: 'POST /api/v1/reports', batch: String(size) },
    responseCallback: http.expectedStatuses(202, 429, 503),
  });
  const waitSeconds = backpressureSeconds(response.status, response.headers['Retry-After']);
  lastRefusedForLoad = waitSeconds !== null;
  ingestBackpressured.add(lastRefusedForLoad);
  if (waitSeconds !== null) {
    ingestBackpressure.add(1);
    refusedBatches.set(size, reports);
    sleep(waitSeconds);
    return [];
  }
  const acknowledged = ingestAcceptedSchema.safeParse(jsonOf(response));
  check(response, {
    'ingest: 202 accepted': (r) => r.status === 202,
    'ingest: every fresh report counted once': () => acknowledged.success && acknowledged.data.accepted === size && acknowledged.data.duplicates === 0,
  });
  if (!acknowledged.success) return [];
  reportsAccepted.add(acknowledged.data.accepted);
  reportsDuplicated.add(acknowledged.data.duplicates);
  return reports;
}

/** Refuses to load a server that is not ready: a failed start would otherwise read as a failed test. */
export function requireReady(): void {
  const response = http.get(`${BASE_URL}/health/ready`, { tags: { name: 'GET /health/ready' } });
  if (response.status !== 200) execution.test.abort(`${BASE_URL}/health/ready answered ${response.status}; start the server first`);
}
