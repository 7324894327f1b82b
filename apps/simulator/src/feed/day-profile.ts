import { HOURLY_WEIGHTS } from './mixes';
import { localMinuteOfDay } from './local-time';

const MEAN_WEIGHT = HOURLY_WEIGHTS.reduce((total, weight) => total + weight, 0) / HOURLY_WEIGHTS.length;

/**
 * How busy the district is at this instant relative to its daily average (1 = average), so `--rate`
 * stays the mean over a day. Interpolates between hour centres so the trend chart has no steps.
 */
export function dayFactor(instantMs: number): number {
  const hours = localMinuteOfDay(instantMs) / 60 - 0.5;
  const before = Math.floor(hours);
  const fraction = hours - before;
  const weightAt = (hour: number): number => HOURLY_WEIGHTS[((hour % 24) + 24) % 24] ?? MEAN_WEIGHT;
  return (weightAt(before) * (1 - fraction) + weightAt(before + 1) * fraction) / MEAN_WEIGHT;
}
