import type { Alert, AlertNotice } from '@grid-command/contracts';
import { joinsStorm } from '@grid-command/domain';

/** What the console plays for a notice: nothing, one beep, or the louder repeated call of a `loud` alert. */
export type Chime = 'none' | 'beep' | 'loud';

/**
 * A new critical alert beeps, unless it joins a storm already on screen (one sound per storm); an alert that went
 * unanswered past its bound and was re-notified (`loud`) calls again, louder, whatever its severity.
 * `openBefore` is what the console held before the notice.
 */
export function chimeFor(event: 'alert' | 'alertUpdated', notice: AlertNotice, openBefore: readonly Alert[], stormThreshold: number): Chime {
  const { alert, change } = notice;
  if (alert.state === 'closed') return 'none';
  if (event === 'alert') {
    if (alert.severity !== 'critical' || joinsStorm(alert, openBefore, stormThreshold)) return 'none';
    return alert.loud ? 'loud' : 'beep';
  }
  return change === 'renotified' && alert.loud ? 'loud' : 'none';
}

/** Which of two chimes due at once to play: the louder. */
export function louder(a: Chime, b: Chime): Chime {
  const rank: Readonly<Record<Chime, number>> = { none: 0, beep: 1, loud: 2 };
  return rank[a] >= rank[b] ? a : b;
}
