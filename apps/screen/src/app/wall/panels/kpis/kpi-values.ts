import type { KpiKind, Snapshot } from '@grid-command/contracts';

export interface KpiValue {
  readonly kind: KpiKind;
  /** Null until the first snapshot: a dash, never a made-up zero. */
  readonly value: number | null;
  /** The whole the value is part of (grids of the scope for active grids). */
  readonly outOf: number | null;
}

/** The headline numbers a leader reads first, straight from the snapshot. */
export function kpiValues(snapshot: Snapshot | null, kinds: readonly KpiKind[]): KpiValue[] {
  return kinds.map((kind) => {
    if (snapshot === null) return { kind, value: null, outOf: null };
    switch (kind) {
      case 'reported':
        return { kind, value: snapshot.totals.reported, outOf: null };
      case 'lastHour':
        return { kind, value: snapshot.totals.lastHour, outOf: null };
      case 'activeGrids':
        return { kind, value: snapshot.totals.activeGrids, outOf: snapshot.totals.grids };
      case 'peakPerMinute':
        return { kind, value: snapshot.trend.reduce((peak, minute) => Math.max(peak, minute.count), 0), outOf: null };
    }
  });
}
