import type { AlertMute } from '@grid-command/contracts';
import { parseScope } from '../scope';

/** Whether a mute bears on a scope (its code): it covers every scope, or the scope is under it or it under the scope. */
export function muteTouches(mute: Pick<AlertMute, 'scope'>, code: string): boolean {
  if (mute.scope === null) return true;
  const muteCode = parseScope(mute.scope).code;
  return muteCode.startsWith(code) || code.startsWith(muteCode);
}

/** The mute that holds back an alert of this rule in this scope now, if any: same rule (or any), same scope or under it. */
export function findMute(mutes: readonly AlertMute[], ruleId: string, scope: string, nowMs: number): AlertMute | null {
  const code = parseScope(scope).code;
  return (
    mutes.find(
      (mute) =>
        Date.parse(mute.from) <= nowMs &&
        nowMs < Date.parse(mute.until) &&
        (mute.ruleId === null || mute.ruleId === ruleId) &&
        (mute.scope === null || code.startsWith(parseScope(mute.scope).code)),
    ) ?? null
  );
}
