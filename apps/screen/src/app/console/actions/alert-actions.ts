import type { AlertAction, AlertActionRequest, AlertState } from '@grid-command/contracts';

/** The actions the server accepts from each state (the buttons the console offers). */
const LEGAL: Readonly<Record<AlertState, readonly AlertAction[]>> = {
  open: ['acknowledge', 'dispatch', 'escalate', 'close'],
  acknowledged: ['dispatch', 'escalate', 'close'],
  dispatched: ['report_in', 'escalate', 'close'],
  closed: [],
};

export function legalActions(state: AlertState): readonly AlertAction[] {
  return LEGAL[state];
}

export interface ActionForm {
  /** Picked from the list; `otherDepartment`, when typed, takes precedence. */
  readonly department: string;
  readonly otherDepartment: string;
  readonly note: string;
}

export type ActionProblem = 'departmentRequired' | 'noteRequired';

/**
 * The request body for `action`, stamped with the version the officer was looking at (a later one gets 409), or
 * what is missing before it can be sent. It names nobody: the server records the action under the logged-in user.
 */
export function actionRequest(action: AlertAction, form: ActionForm, expectedVersion: number): AlertActionRequest | ActionProblem {
  const department = form.otherDepartment.trim() || form.department.trim();
  const note = form.note.trim();
  if (action === 'dispatch' && department === '') return 'departmentRequired';
  if (action === 'close' && note === '') return 'noteRequired';
  return {
    action,
    expectedVersion,
    // A dispatch must name the department; an escalation may name who is called in (吹哨).
    ...((action === 'dispatch' || action === 'escalate') && department !== '' ? { department } : {}),
    ...(note === '' ? {} : { note }),
  };
}
