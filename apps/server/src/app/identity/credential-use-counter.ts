import type { CredentialUses } from '@grid-command/queue';

export type CountedCredentialKind = 'ingest_key' | 'display_token';

/**
 * Requests per ingest key and display token since the last flush, counted in memory: a key sending thousands of
 * reports a minute costs one Redis write and one audit entry per minute, not one per request.
 */
export class CredentialUseCounter {
  private counts = new Map<CountedCredentialKind, Map<string, CredentialUses>>();

  count(kind: CountedCredentialKind, id: string, nowMs: number): void {
    let ofKind = this.counts.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      this.counts.set(kind, ofKind);
    }
    ofKind.set(id, { count: (ofKind.get(id)?.count ?? 0) + 1, lastUsedAtMs: nowMs });
  }

  /** What was counted, per kind, and starts counting afresh. */
  drain(): ReadonlyMap<CountedCredentialKind, ReadonlyMap<string, CredentialUses>> {
    const drained = this.counts;
    this.counts = new Map();
    return drained;
  }
}
