import { z } from 'zod';
import { REPORT_CATEGORIES } from './categories';

const localDate = z.iso.date();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/**
 * Statutory holidays and make-up working days (调休) per year, as the State Council publishes them each
 * November. A year that is missing falls back to Monday–Friday, and the server warns about it at start-up.
 */
export const workCalendarSchema = z.strictObject({
  timeZone: z.string().min(1),
  /** Office hours of a working day, in order and not overlapping (e.g. 09:00–12:00, 13:30–17:30). */
  workingHours: z
    .array(z.strictObject({ start: clockTime, end: clockTime }))
    .min(1)
    .superRefine((windows, context) => {
      windows.forEach((window, index) => {
        if (window.start >= window.end) context.addIssue({ code: 'custom', path: [index, 'end'], message: 'must be after start' });
        const previous = windows[index - 1];
        if (previous && window.start < previous.end) context.addIssue({ code: 'custom', path: [index, 'start'], message: 'must not be before the previous window ends' });
      });
    }),
  years: z.record(
    z.string().regex(/^\d{4}$/, 'must be a year'),
    z.strictObject({ holidays: z.array(localDate), workdays: z.array(localDate) }),
  ),
});
export type WorkCalendar = z.infer<typeof workCalendarSchema>;

/** A time limit: `working` counts only office hours of working days, `calendar` counts every minute. */
export const timeLimitSchema = z.strictObject({
  minutes: z.int().positive(),
  clock: z.enum(['working', 'calendar']),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

const bySeverity = z.strictObject({ '1': timeLimitSchema, '2': timeLimitSchema, '3': timeLimitSchema, '4': timeLimitSchema });

export const slaPolicySchema = z.strictObject({
  /** Reported → dispatched. */
  dispatch: timeLimitSchema,
  /** Reported (or reopened) → resolved, by severity; a category may override some severities. */
  resolution: bySeverity,
  categoryOverrides: z.partialRecord(z.enum(REPORT_CATEGORIES), bySeverity.partial()).default({}),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
