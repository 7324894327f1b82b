import type { KpiPeriodKind } from '@grid-command/contracts';
import { addLocalDays, addLocalMonths, localDayOf, localInstant } from '../sla/local-calendar';
import type { KpiRange } from './workflow-kpis';

export interface KpiPeriodRanges {
  readonly range: KpiRange;
  /** 环比 */
  readonly previous: KpiRange;
  /** 同比 */
  readonly lastYear: KpiRange;
}

export type KpiPeriodRequest =
  | { readonly kind: Exclude<KpiPeriodKind, 'custom'> }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

const midnight = (date: string, timeZone: string): Date => localInstant(date, 0, timeZone);

/**
 * The ranges a period compares. Today, this week (from Monday) and this month run up to `now`, and are compared
 * with the previous day, week or month up to the same point, so a morning is not set against a whole day. A
 * custom range covers whole local days, `from` to `to` inclusive, against the same number of days before it.
 * 同比 is the same local dates a year earlier.
 */
export function resolveKpiPeriod(request: KpiPeriodRequest, now: Date, timeZone: string): KpiPeriodRanges {
  const today = localDayOf(now, timeZone);
  let startDate: string;
  let previousStartDate: string;
  let range: KpiRange;
  switch (request.kind) {
    case 'today':
      startDate = today.date;
      previousStartDate = addLocalDays(startDate, -1);
      break;
    case 'week':
      startDate = addLocalDays(today.date, -((today.weekday + 6) % 7));
      previousStartDate = addLocalDays(startDate, -7);
      break;
    case 'month':
      startDate = `${today.date.slice(0, 8)}01`;
      previousStartDate = addLocalMonths(startDate, -1);
      break;
    case 'custom': {
      const endDate = addLocalDays(request.to, 1);
      range = { from: midnight(request.from, timeZone), to: midnight(endDate, timeZone) };
      const days = Math.round((range.to.getTime() - range.from.getTime()) / 86_400_000);
      return {
        range,
        previous: { from: midnight(addLocalDays(request.from, -days), timeZone), to: range.from },
        lastYear: { from: midnight(addLocalMonths(request.from, -12), timeZone), to: midnight(addLocalMonths(endDate, -12), timeZone) },
      };
    }
  }
  range = { from: midnight(startDate, timeZone), to: now };
  const elapsed = now.getTime() - range.from.getTime();
  const previousFrom = midnight(previousStartDate, timeZone);
  const previousTo = new Date(Math.min(previousFrom.getTime() + elapsed, range.from.getTime()));
  const lastYearFrom = midnight(addLocalMonths(startDate, -12), timeZone);
  return {
    range,
    previous: { from: previousFrom, to: previousTo },
    lastYear: { from: lastYearFrom, to: new Date(lastYearFrom.getTime() + elapsed) },
  };
}
