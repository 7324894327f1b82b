import type { UserView } from '@grid-command/contracts';

/**
 * What to do about one demo user on a (re)start: a user that exists, is enabled and whose password we kept is used
 * as it is; one we hold no password for (the file was lost) or that an admin disabled is deleted and created again
 * with a new password; a missing one is created.
 */
export function userStep(existing: UserView | undefined, storedPassword: string | undefined): 'reuse' | 'recreate' | 'create' {
  if (existing === undefined) return 'create';
  return storedPassword !== undefined && !existing.disabled ? 'reuse' : 'recreate';
}

/** A key or token we kept is used again while the server still lists it unrevoked; otherwise a new one is issued. */
export function credentialStep(stored: { readonly id: string } | null, listed: ReadonlyArray<{ readonly id: string; readonly revokedAt: string | null }>): 'reuse' | 'create' {
  return stored !== null && listed.some((view) => view.id === stored.id && view.revokedAt === null) ? 'reuse' : 'create';
}
