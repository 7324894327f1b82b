import type { Report } from '@grid-command/contracts';

/** What a client got back from one attempt: an HTTP status, or that no answer came. */
export type Outcome = `${number}` | 'no_answer' | 'timeout';

/** What the 202s said in all (new and duplicate reports), and what Retry-After asked (seconds: times) and cost. */
export interface LedgerSummary {
  readonly acknowledgedIds: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly retryAfterWaitedMs: number;
  readonly retryAfterAsked: Readonly<Record<string, number>>;
}

interface Answer {
  /** When the attempt was sent: a request sent before a fault may still be answered while the fault begins. */
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly outcome: Outcome;
}

/**
 * What the clients were told, kept as the server's promises: every id of a request answered 202 (whether as new or
 * as a duplicate) is acknowledged and must be stored exactly once. Ids of requests the clients gave up on are kept
 * apart: refused ones (the server answered, and said no) must not be stored; unanswered ones may be stored at most once.
 */
export class AcknowledgedLedger {
  readonly acknowledged = new Set<string>();
  readonly refused = new Set<string>();
  readonly unanswered = new Set<string>();
  private readonly answers: Answer[] = [];
  private acceptedTotal = 0;
  private duplicateTotal = 0;
  private retryAfterWaitedMs = 0;
  private readonly retryAfterAsked: Record<string, number> = {};

  answer(sentAt: number, outcome: Outcome): void {
    this.answers.push({ sentAt, answeredAt: Date.now(), outcome });
  }

  acknowledge(body: readonly Report[], accepted: number, duplicates: number): void {
    for (const report of body) this.acknowledged.add(report.id.toLowerCase());
    this.acceptedTotal += accepted;
    this.duplicateTotal += duplicates;
  }

  giveUp(body: readonly Report[], lastOutcome: Outcome): void {
    const bucket = lastOutcome === 'no_answer' || lastOutcome === 'timeout' ? this.unanswered : this.refused;
    for (const report of body) bucket.add(report.id.toLowerCase());
  }

  /** A client waited `waitedMs` because an answer said `Retry-After: askedSeconds`. */
  waitedForRetryAfter(askedSeconds: number, waitedMs: number): void {
    this.retryAfterWaitedMs += waitedMs;
    this.retryAfterAsked[String(askedSeconds)] = (this.retryAfterAsked[String(askedSeconds)] ?? 0) + 1;
  }

  /** How attempts sent in `[from, to)` were answered, e.g. `{ "202": 40, "503": 12, "no_answer": 3 }`. */
  outcomes(from = 0, to = Number.POSITIVE_INFINITY): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { sentAt, outcome } of this.answers) if (sentAt >= from && sentAt < to) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }

  /** When the first 202 came to an attempt sent after `instant` (a request sent before a kill may still be answered), or null. */
  firstAcknowledgedAfter(instant: number): number | null {
    let first: number | null = null;
    for (const { sentAt, answeredAt, outcome } of this.answers) if (outcome === '202' && sentAt > instant && (first === null || answeredAt < first)) first = answeredAt;
    return first;
  }

  /** When the first 202 came after `instant`, to whichever attempt (a request held by a paused Redis counts), or null. */
  firstAcknowledgedAnsweredAfter(instant: number): number | null {
    return this.answers.find(({ answeredAt, outcome }) => outcome === '202' && answeredAt > instant)?.answeredAt ?? null;
  }

  summary(): LedgerSummary {
    return {
      acknowledgedIds: this.acknowledged.size,
      accepted: this.acceptedTotal,
      duplicates: this.duplicateTotal,
      retryAfterWaitedMs: this.retryAfterWaitedMs,
      retryAfterAsked: { ...this.retryAfterAsked },
    };
  }
}
