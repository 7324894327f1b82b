/**
 * Campaign baseline (创城 inspection week): a steady arrival rate of phones and hotline terminals posting
 * one report each, plus IoT gateways posting batches. Measures latency at a rate the platform must hold
 * for hours. Arrival-rate executors keep the offered load fixed however slow the server gets.
 */
import type { Options } from 'k6/options';
import { durationFromEnv, numberFromEnv } from './lib/env';

const DEVICE_RATE = numberFromEnv('DEVICE_RATE', 200, 1, 100_000);
const GATEWAY_RATE = numberFromEnv('GATEWAY_RATE', 5, 0, 10_000);
const DURATION = durationFromEnv('DURATION', '5m');

export const options: Options = {
  scenarios: {
    devices: {
      executor: 'constant-arrival-rate',
      rate: DEVICE_RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: Math.ceil(DEVICE_RATE / 10),
      maxVUs: Math.ceil(DEVICE_RATE / 2),
      exec: 'device',
    },
    ...(GATEWAY_RATE > 0
      ? {
          gateways: {
            executor: 'constant-arrival-rate' as const,
            rate: GATEWAY_RATE,
            timeUnit: '1s',
            duration: DURATION,
            preAllocatedVUs: Math.max(2, Math.ceil(GATEWAY_RATE / 5)),
            maxVUs: Math.max(10, GATEWAY_RATE * 2),
            exec: 'gateway',
          },
        }
      : {}),
  },
  thresholds: {
    http_req_failed: ['rate<0.001'],
    'http_req_duration{scenario:devices}': ['p(95)<200', 'p(99)<500'],
    ...(GATEWAY_RATE > 0 ? { 'http_req_duration{scenario:gateways}': ['p(95)<500', 'p(99)<1000'] } : {}),
    checks: ['rate>0.999'],
    // Iterations k6 could not start because every VU was stuck waiting: the server did not keep up.
    dropped_iterations: ['count<1'],
  },
};

export { device, gateway, setup } from './lib/ingest-scenarios';
