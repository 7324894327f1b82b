import type { TicketPlan } from '../tickets/lifecycle';

const MINUTE = 60_000;

/** Breaches whose deadline passed this recently before the backfill's end stay open: the few a desk is chasing right now. */
export const STILL_CHASED_MS = 2 * 60 * MINUTE;

/** What a desk records for a case it cannot close in time: 挂起 with the reason, approved before the deadline. */
export const LONG_CASE_NOTE = '涉及多部门协调,经批准挂起待联席会议';

/**
 * A backfilled ticket as a working duty desk would have left it by `endMs`. The plan was drawn for a district
 * played live, where a case that runs late or stalls is noticed at its deadline, one at a time. Written as history
 * and handed to the server at once, two weeks of such cases all come due together: about 170 超期 alerts ten
 * minutes after the demo starts. A desk that worked those weeks had chased them: a late ticket whose deadline
 * passed more than `stillChasedMs` before the end was resolved by then (still late: between its deadline and
 * the end), and a stalled one was 挂起 before its deadline. Only the most recent breaches stay open.
 */
export function asWorkedByTheDesk(plan: TicketPlan, endMs: number, stillChasedMs = STILL_CHASED_MS): TicketPlan {
  const chasedSince = endMs - stillChasedMs;
  if (plan.dueMs >= chasedSince) return plan;
  const resolvedIndex = plan.events.findIndex((event) => event.type === 'resolved');
  if (resolvedIndex === -1) {
    const lastMs = plan.events.at(-1)?.atMs ?? plan.reportedAtMs;
    if (lastMs >= chasedSince) return plan;
    const suspendAt = lastMs < plan.dueMs ? lastMs + (plan.dueMs - lastMs) / 2 : lastMs + MINUTE;
    return { ...plan, events: [...plan.events, { type: 'suspended', atMs: Math.round(suspendAt), note: LONG_CASE_NOTE }] };
  }
  const resolved = plan.events[resolvedIndex];
  if (resolved === undefined || resolved.atMs <= endMs) return plan;
  const readyMs = Math.max(plan.events[resolvedIndex - 1]?.atMs ?? plan.reportedAtMs, plan.dueMs);
  if (readyMs >= chasedSince) return plan;
  // Everything from the resolution on moves back together, so the verification and any 重办 keep their order.
  const shift = Math.round(readyMs + (chasedSince - readyMs) / 2) - resolved.atMs;
  return { ...plan, events: plan.events.map((event, index) => (index < resolvedIndex ? event : { ...event, atMs: event.atMs + shift })) };
}
