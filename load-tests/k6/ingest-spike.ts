/**
 * Flood-season / 创城 spike: from the campaign baseline the report rate climbs to several-fold within
 * minutes, holds, and falls back. Passes if the API keeps answering (few errors, bounded latency) and
 * recovers; a failure rate above 10% aborts early rather than hammer a server that has fallen over.
 */
import type { Options } from 'k6/options';
import { durationFromEnv, numberFromEnv } from './lib/env';

const DEVICE_RATE = numberFromEnv('DEVICE_RATE', 200, 1, 100_000);
const GATEWAY_RATE = numberFromEnv('GATEWAY_RATE', 5, 1, 10_000);
const MULTIPLIER = numberFromEnv('MULTIPLIER', 5, 1, 100);
const RAMP = durationFromEnv('RAMP', '2m');
const HOLD = durationFromEnv('HOLD', '5m');

/** Baseline, climb, hold at the peak, fall back, and a last stretch to see the latency recover. */
function stages(base: number): Array<{ duration: string; target: number }> {
  const peak = Math.ceil(base * MULTIPLIER);
  return [
    { duration: '1m', target: base },
    { duration: RAMP, target: peak },
    { duration: HOLD, target: peak },
    { duration: RAMP, target: base },
    { duration: '1m', target: base },
  ];
}

export const options: Options = {
  scenarios: {
    devices: {
      executor: 'ramping-arrival-rate',
      startRate: DEVICE_RATE,
      timeUnit: '1s',
      stages: stages(DEVICE_RATE),
      preAllocatedVUs: Math.ceil(DEVICE_RATE / 10),
      maxVUs: Math.ceil((DEVICE_RATE * MULTIPLIER) / 2),
      exec: 'device',
    },
    gateways: {
      executor: 'ramping-arrival-rate',
      startRate: GATEWAY_RATE,
      timeUnit: '1s',
      stages: stages(GATEWAY_RATE),
      preAllocatedVUs: Math.max(2, Math.ceil(GATEWAY_RATE / 5)),
      maxVUs: Math.max(10, Math.ceil(GATEWAY_RATE * MULTIPLIER * 2)),
      exec: 'gateway',
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01', { threshold: 'rate<0.1', abortOnFail: true, delayAbortEval: '30s' }],
    'http_req_duration{scenario:devices}': ['p(95)<500', 'p(99)<1500'],
    'http_req_duration{scenario:gateways}': ['p(95)<1000', 'p(99)<3000'],
    checks: ['rate>0.99'],
    dropped_iterations: ['count<100'],
  },
};

export { device, gateway, setup } from './lib/ingest-scenarios';
