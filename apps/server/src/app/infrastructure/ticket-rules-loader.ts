import { slaPolicySchema, workCalendarSchema } from '@grid-command/contracts';
import { WorkingTime, type TicketRules } from '@grid-command/domain';
import { ConfigError } from '../../config/app-config';
import { readValidatedJson } from './validated-json-file';

export interface LoadedTicketRules {
  readonly rules: TicketRules;
  /** Problems worth a warning that do not stop the start. */
  readonly warnings: readonly string[];
}

/** The SLA policy and the working calendar; a bad file stops the start-up naming the variable, file and field. */
export async function loadTicketRules(policyFile: string, calendarFile: string, appTimeZone: string, now: Date): Promise<LoadedTicketRules> {
  const policy = await readValidatedJson(policyFile, 'SLA_POLICY_FILE', slaPolicySchema);
  const calendar = await readValidatedJson(calendarFile, 'WORK_CALENDAR_FILE', workCalendarSchema);
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
