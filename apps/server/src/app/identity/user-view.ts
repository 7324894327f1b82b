import type { UserView } from '@grid-command/contracts';
import type { UserRecord } from '@grid-command/queue';

/** A user as the API shows it: everything but the password hash. */
export function viewOfUser(user: UserRecord): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    scopes: [...user.scopes],
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}
