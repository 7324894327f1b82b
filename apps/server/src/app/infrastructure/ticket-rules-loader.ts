import { describeIssues, slaPolicySchema, workCalendarSchema } from '@grid-command/contracts';
import { WorkingTime, type TicketRules } from '@grid-command/domain';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ConfigError } from '../../config/app-config';

async function readValidated<T>(file: string, variable: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${variable}=${file}: cannot read it as JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error).map((issue) => `${variable}=${file}: ${issue}`));
  return parsed.data;
}

export interface LoadedTicketRules {
  readonly rules: TicketRules;
  /** Problems worth a warning that do not stop the start. */
  readonly warnings: readonly string[];
}

/** The SLA policy and the working calendar; a bad file stops the start-up naming the variable, file and field. */
export async function loadTicketRules(policyFile: string, calendarFile: string, appTimeZone: string, now: Date): Promise<LoadedTicketRules> {
  const policy = await readValidated(policyFile, 'SLA_POLICY_FILE', slaPolicySchema);
  const calendar = await readValidated(calendarFile, 'WORK_CALENDAR_FILE', workCalendarSchema);
  if (calendar.timeZone !== appTimeZone) {
    throw new ConfigError([`WORK_CALENDAR_FILE=${calendarFile}: timeZone ${calendar.timeZone} differs from APP_TIMEZONE=${appTimeZone}`]);
  }
  const workingTime = new WorkingTime(calendar);
  const warnings: string[] = [];
  for (const year of [now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
    if (!workingTime.coversYear(year)) {
      warnings.push(`WORK_CALENDAR_FILE=${calendarFile} lists no holidays for ${year}: deadlines in ${year} count Monday–Friday only; add the State Council's schedule`);
    }
  }
  return { rules: { policy, workingTime }, warnings };
}
