/**
 * What the security layer costs per request, measured in the same run: one cheap GET answered without a
 * credential (`/health/live`, public) and one answered only after the credential is checked (`/api/v1/auth/me`:
 * bearer parsed and verified, the principal loaded, the rate limiter consulted), each in the same closed loop over
 * the same connections. The difference is the layer's price; a ratio to the public route's ceiling, not an absolute
 * figure, since the machine's speed cancels out.
 */
import type { Percentiles } from './percentiles';
import type { TargetCheck } from './target-check';

export type CredentialKind = 'none' | 'access token' | 'ingest key' | 'display token';

export interface SecurityRun {
  readonly route: string;
  readonly credential: CredentialKind;
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Answers other than 200, and network errors. */
  readonly errors: number;
  readonly latencyMs: Percentiles;
}

export interface SecurityOverhead {
  /** The public route: the ceiling the authenticated runs are compared with. */
  readonly baseline: SecurityRun;
  readonly authenticated: readonly SecurityRun[];
  /** Requests sent without a credential to routes that need one, and how many were answered 401. */
  readonly anonymous: { readonly sent: number; readonly refused: number };
}

/** Report-only: checking a credential may cost up to as much again as a whole public request, no more. */
export const SECURITY_TARGET = { throughputShareOfPublic: 0.5 } as const;

export interface Overhead {
  /** Authenticated requests/s as a share of the public route's. */
  readonly throughputShare: number;
  /** Machine time each request cost beyond the public one: 1/throughput, both loops saturating the same connections. */
  readonly perRequestUs: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

const difference = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

export function overheadOf(baseline: SecurityRun, run: SecurityRun): Overhead {
  return {
    throughputShare: baseline.requestsPerSecond > 0 ? run.requestsPerSecond / baseline.requestsPerSecond : 0,
    perRequestUs: run.requestsPerSecond > 0 && baseline.requestsPerSecond > 0 ? 1e6 / run.requestsPerSecond - 1e6 / baseline.requestsPerSecond : Number.NaN,
    p50Ms: difference(run.latencyMs.p50, baseline.latencyMs.p50),
    p99Ms: difference(run.latencyMs.p99, baseline.latencyMs.p99),
  };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const ms = (value: number | null): string => (value === null ? '–' : `${decimal.format(value)} ms`);
const signedMs = (value: number | null): string => (value === null ? '–' : `${value >= 0 ? '+' : '−'}${decimal.format(Math.abs(value))} ms`);
const signedUs = (value: number): string => (Number.isNaN(value) ? '–' : `${value >= 0 ? '+' : '−'}${integer.format(Math.abs(value))} µs`);
const percent = (share: number): string => `${integer.format(share * 100)} %`;

export function securityChecks(security: SecurityOverhead): TargetCheck[] {
  const { baseline, anonymous } = security;
  return [
    {
      name: 'requests without a credential refused',
      target: `${anonymous.sent} of ${anonymous.sent} answered 401`,
      actual: `${anonymous.refused} of ${anonymous.sent}`,
      pass: anonymous.sent > 0 && anonymous.refused === anonymous.sent,
      kind: 'correctness',
    },
    ...security.authenticated.map((run): TargetCheck => {
      const overhead = overheadOf(baseline, run);
      return {
        name: `security layer per request (${run.route} with ${run.credential})`,
        target: `≥ ${percent(SECURITY_TARGET.throughputShareOfPublic)} of ${baseline.route}'s requests/s in this run`,
        actual: `${percent(overhead.throughputShare)} (${integer.format(run.requestsPerSecond)} vs ${integer.format(baseline.requestsPerSecond)} requests/s; p50 ${signedMs(overhead.p50Ms)}, p99 ${signedMs(overhead.p99Ms)})`,
        pass: run.errors > 0 ? false : overhead.throughputShare >= SECURITY_TARGET.throughputShareOfPublic,
        kind: 'speed',
      };
    }),
  ];
}

export function securityLines(security: SecurityOverhead): string[] {
  const { baseline } = security;
  const row = (run: SecurityRun): string => {
    const overhead = run === baseline ? null : overheadOf(baseline, run);
    return (
      `| ${run.route} | ${run.credential} | ${run.connections} | ${run.seconds.toFixed(1)} | ${integer.format(run.requests)} | ${integer.format(run.requestsPerSecond)} | ${run.errors} | ` +
      `${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p99)} | ${overhead === null ? '–' : percent(overhead.throughputShare)} | ` +
      `${overhead === null ? '–' : signedUs(overhead.perRequestUs)} | ${overhead === null ? '–' : signedMs(overhead.p50Ms)} | ${overhead === null ? '–' : signedMs(overhead.p99Ms)} |`
    );
  };
  return [
    '## Security layer (what checking the credential costs per request)',
    '',
    `The same closed loop over the same keep-alive connections, one cheap GET each: \`${baseline.route}\` is public; \`/api/v1/auth/me\` answers only after the bearer is verified, its principal loaded and the rate limiter consulted. ` +
      '"Per request" is 1/throughput of the authenticated run less that of the public one: the machine time the layer added to each request. ' +
      `${security.anonymous.refused} of ${security.anonymous.sent} requests sent without a credential to routes that need one were answered 401.`,
    '',
    '| route | credential | connections | seconds | requests | requests/s | errors | p50 | p99 | share of public requests/s | per request | p50 added | p99 added |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(baseline),
    ...security.authenticated.map(row),
    '',
  ];
}
