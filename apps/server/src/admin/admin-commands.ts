import { UserStore, type ScopedCredentialView } from '@grid-command/queue';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { kioskUrl, type AdministrativeRequester, type ScopedCredentials, type UsersService } from '../app/identity';
import type { AdminCommand } from './admin-arguments';

/** What the commands work with: the same services and stores the server's admin routes use. */
export interface AdminContext {
  readonly config: AppConfig;
  readonly users: UsersService;
  readonly userStore: UserStore;
  readonly ingestKeys: ScopedCredentials;
  readonly displayTokens: ScopedCredentials;
  readonly requester: AdministrativeRequester;
  /** The password piped in, for `user:create --password-stdin`. */
  readonly readPassword: () => Promise<string>;
}

/** Runs one command; answers the lines to print. Secrets are printed once, here, and kept nowhere. */
export async function runAdminCommand(command: AdminCommand, context: AdminContext): Promise<string[]> {
  switch (command.command) {
    case 'user:create': {
      const password = command.passwordFromStdin ? await context.readPassword() : randomBytes(18).toString('base64url');
      const user = await context.users.create(
        { username: command.username, password, roles: command.roles, scopes: command.scopes, ...(command.displayName === null ? {} : { displayName: command.displayName }) },
        context.requester,
      );
      return [
        `created user ${user.username} (${user.id}): roles ${user.roles.join(', ')}; scopes ${user.scopes.join(', ')}`,
        ...(command.passwordFromStdin ? [] : [`password (shown once): ${password}`]),
      ];
    }
    case 'user:disable':
    case 'user:enable': {
      const id = await userIdOf(context.userStore, command.user);
      const user = await context.users.setDisabled(id, { disabled: command.command === 'user:disable' }, context.requester);
      return [`${user.username} is ${user.disabled ? 'disabled: their tokens stopped working' : 'enabled'}`];
    }
    case 'user:list':
      return (await context.users.list()).map(
        (user) => `${user.id}  ${user.username}${user.disabled ? ' (disabled)' : ''}  roles ${user.roles.join(',')}  scopes ${user.scopes.join(',')}`,
      );
    case 'key:create': {
      const key = await context.ingestKeys.issue({ name: command.name, scope: command.scope }, context.requester);
      return [`created ingest key ${key.id} for ${key.scope}`, `key (shown once): ${key.secret}`];
    }
    case 'display:create': {
      const token = await context.displayTokens.issue({ name: command.name, scope: command.scope }, context.requester);
      return [`created display token ${token.id} for ${token.scope}`, `token (shown once): ${token.secret}`, `kiosk URL: ${kioskUrl(context.config, token.scope, token.secret)}`];
    }
    case 'key:revoke':
      await context.ingestKeys.revoke(command.id, context.requester);
      return [`ingest key ${command.id} is revoked`];
    case 'display:revoke':
      await context.displayTokens.revoke(command.id, context.requester);
      return [`display token ${command.id} is revoked`];
    case 'key:list':
      return (await context.ingestKeys.list()).map(describeCredential);
    case 'display:list':
      return (await context.displayTokens.list()).map(describeCredential);
  }
}

async function userIdOf(users: UserStore, usernameOrId: string): Promise<string> {
  return (await users.byUsername(usernameOrId))?.id ?? usernameOrId;
}

function describeCredential(credential: ScopedCredentialView): string {
  const state = credential.revokedAt === null ? 'active' : `revoked ${credential.revokedAt}`;
  return `${credential.id}  ${credential.name}  ${credential.scope}  ${state}  ${credential.uses} uses, last ${credential.lastUsedAt ?? 'never'}`;
}
