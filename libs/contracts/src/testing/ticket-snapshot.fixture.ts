import { ticketSnapshotSchema, type TicketSnapshot } from '../lib/ticket.schema';

const REPORTED = '2026-11-25T02:00:00.000Z';

/** A noise ticket of grid 450103001001001 just reported (version 0, waiting for dispatch); `overrides` change any field. */
export function ticketSnapshotFixture(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return ticketSnapshotSchema.parse({
    id: '00000000-0000-4000-8000-000000000001',
    gridCode: '450103001001001',
    category: 'noise',
    severity: 1,
    reportedAt: REPORTED,
    version: 0,
    state: 'reported',
    stateBeforeSuspension: null,
    department: null,
    dispatchDueAt: '2026-11-25T02:30:00.000Z',
    dueAt: '2026-11-25T10:00:00.000Z',
    pausedRemainingMinutes: null,
    firstDispatchedAt: null,
    resolvedAt: null,
    resolvedOnTime: null,
    verifiedAt: null,
    satisfaction: null,
    reopenCount: 0,
    suspendedMinutes: 0,
    lastEventAt: REPORTED,
    ...overrides,
  });
}
