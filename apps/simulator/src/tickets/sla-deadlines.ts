import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeIssues, slaPolicySchema, workCalendarSchema, type SlaPolicy, type WorkCalendar } from '@grid-command/contracts';
import { resolutionLimit, WorkingTime } from '@grid-command/domain';
import type { Deadlines } from './lifecycle';

/** Deadlines exactly as the server computes them, from the same policy and working calendar. */
export function deadlinesFrom(policy: SlaPolicy, calendar: WorkCalendar): Deadlines {
  const workingTime = new WorkingTime(calendar);
  return {
    resolutionDueMs: (category, severity, fromMs) => workingTime.deadline(new Date(fromMs), resolutionLimit(policy, category, severity)).getTime(),
    resumedDueMs: (category, severity, dueMs, suspendedAtMs, resumedAtMs) => {
      const { clock } = resolutionLimit(policy, category, severity);
      const left = workingTime.minutesLeft(new Date(suspendedAtMs), new Date(dueMs), clock);
      return workingTime.addMinutes(new Date(resumedAtMs), left, clock).getTime();
    },
  };
}

async function readJson(flag: string, path: string): Promise<unknown> {
  const absolute = resolve(path);
  try {
    return JSON.parse(await readFile(absolute, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`--${flag} ${path}: cannot read ${absolute} as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads the SLA policy and working calendar the server uses, so planned on-time tickets are on time there too. */
export async function loadDeadlines(policyPath: string, calendarPath: string): Promise<Deadlines> {
  const policy = slaPolicySchema.safeParse(await readJson('sla-policy', policyPath));
  if (!policy.success) throw new Error(`--sla-policy ${policyPath}: ${describeIssues(policy.error).join('; ')}`);
  const calendar = workCalendarSchema.safeParse(await readJson('work-calendar', calendarPath));
  if (!calendar.success) throw new Error(`--work-calendar ${calendarPath}: ${describeIssues(calendar.error).join('; ')}`);
  return deadlinesFrom(policy.data, calendar.data);
}
