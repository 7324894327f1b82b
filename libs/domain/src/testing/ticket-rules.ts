import { slaPolicySchema, workCalendarSchema } from '@grid-command/contracts';
import { WorkingTime } from '../lib/sla/working-time';
import type { TicketRules } from '../lib/tickets/ticket-reducer';

/**
 * Rules for ticket tests: office hours 09:00–12:00 and 13:30–17:30 in Asia/Shanghai with 国庆 2026; dispatch
 * within 30 minutes; severity 1 in 5 working days (2,100 office minutes), 4 within 4 hours; noise sooner.
 */
export function ticketTestRules(): TicketRules {
  const calendar = workCalendarSchema.parse({
    timeZone: 'Asia/Shanghai',
    workingHours: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ],
    years: { '2026': { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] } },
  });
  const policy = slaPolicySchema.parse({
    dispatch: { minutes: 30, clock: 'calendar' },
    resolution: {
      '1': { minutes: 2100, clock: 'working' },
      '2': { minutes: 840, clock: 'working' },
      '3': { minutes: 1440, clock: 'calendar' },
      '4': { minutes: 240, clock: 'calendar' },
    },
    categoryOverrides: { noise: { '1': { minutes: 420, clock: 'working' } } },
  });
  return { policy, workingTime: new WorkingTime(calendar) };
}
