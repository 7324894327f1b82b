import { ingestAcceptedSchema, type Report } from '@grid-command/contracts';
import { AcknowledgedLedger, type Outcome } from './acknowledged-ledger';

export interface LoadOptions {
  readonly baseUrl: string;
  readonly ingestKey: string;
  readonly bodies: readonly Report[][];
  /** Clients posting at the same time, each one request after the other. */
  readonly clients: number;
  /** A client's pause after each acknowledged request, which spreads the load over the fault. */
  readonly paceMs?: number;
  /** Past this instant a client stops retrying and gives the request up. */
  readonly giveUpAt: number;
  /** Bodies posted once only: refused, they are given up at once (to check that nothing refused is stored). */
  readonly postOnce?: (bodyIndex: number) => boolean;
  /** Once this says so, clients take no further body (a background load lasting as long as the foreground). */
  readonly stopTaking?: () => boolean;
}

export interface Load {
  readonly ledger: AcknowledgedLedger;
  /** Requests answered 202 so far. */
  readonly acknowledgedRequests: () => number;
  /** Resolves once every body is acknowledged or given up. */
  readonly finished: Promise<void>;
}

/** One attempt may wait this long for an answer: a paused Redis must show as a timeout, not a hung test. */
const ATTEMPT_TIMEOUT_MS = 10_000;
/** Retry-After is honoured up to this (the server asks at most 30 s): the whole wait, with the test still bounded. */
const MAX_RETRY_AFTER_MS = 30_000;
const RECONNECT_DELAY_MS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  readonly outcome: Outcome;
  readonly retryAfterSeconds: number | null;
  readonly accepted?: { accepted: number; duplicates: number };
}

async function post(options: LoadOptions, body: readonly Report[]): Promise<Attempt> {
  try {
    const response = await fetch(`${options.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.ingestKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const text = await response.text();
    const retryAfter = response.headers.get('retry-after');
    const outcome = String(response.status) as Outcome;
    if (response.status === 202) return { outcome, retryAfterSeconds: null, accepted: ingestAcceptedSchema.parse(JSON.parse(text)) };
    return { outcome, retryAfterSeconds: retryAfter === null ? null : Number(retryAfter) };
  } catch (error) {
    return { outcome: (error as Error).name === 'TimeoutError' ? 'timeout' : 'no_answer', retryAfterSeconds: null };
  }
}

/** Whether a client may try the same request again: the server is away, busy or asked it to wait. */
const isRetryable = (outcome: Outcome): boolean => ['no_answer', 'timeout', '429', '502', '503', '504'].includes(outcome);

/**
 * Clients that post every body until it is acknowledged, as a well-behaved source system does: the same ids on
 * every retry, waiting as long as `Retry-After` says on a 503 or 429 and a moment when no answer came.
 */
export function startLoad(options: LoadOptions): Load {
  const ledger = new AcknowledgedLedger();
  let next = 0;
  let acknowledged = 0;

  const deliver = async (index: number, body: readonly Report[]): Promise<void> => {
    for (;;) {
      const sentAt = Date.now();
      const attempt = await post(options, body);
      ledger.answer(sentAt, attempt.outcome);
      if (attempt.accepted) {
        ledger.acknowledge(body, attempt.accepted.accepted, attempt.accepted.duplicates);
        acknowledged += 1;
        return;
      }
      if (!isRetryable(attempt.outcome) || options.postOnce?.(index) || Date.now() >= options.giveUpAt) {
        ledger.giveUp(body, attempt.outcome);
        return;
      }
      const wait = attempt.retryAfterSeconds === null ? RECONNECT_DELAY_MS : Math.min(attempt.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
      if (attempt.retryAfterSeconds !== null) ledger.waitedForRetryAfter(attempt.retryAfterSeconds, wait);
      await sleep(Math.min(wait, Math.max(0, options.giveUpAt - Date.now())));
    }
  };

  const client = async (): Promise<void> => {
    for (let index = next++; index < options.bodies.length && !options.stopTaking?.(); index = next++) {
      await deliver(index, options.bodies[index] ?? []);
      if (options.paceMs) await sleep(options.paceMs);
    }
  };

  return {
    ledger,
    acknowledgedRequests: () => acknowledged,
    finished: Promise.all(Array.from({ length: options.clients }, client)).then(() => undefined),
  };
}
