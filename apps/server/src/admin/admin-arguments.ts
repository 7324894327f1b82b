import { parseArgs } from 'node:util';

/** One command of `npm run admin -- <command>`, as parsed from its arguments. */
export type AdminCommand =
  | { readonly command: 'user:create'; readonly username: string; readonly roles: string[]; readonly scopes: string[]; readonly displayName: string | null; readonly passwordFromStdin: boolean }
  | { readonly command: 'user:disable' | 'user:enable'; readonly user: string }
  | { readonly command: 'user:list' | 'key:list' | 'display:list' }
  | { readonly command: 'key:create' | 'display:create'; readonly name: string; readonly scope: string }
  | { readonly command: 'key:revoke' | 'display:revoke'; readonly id: string };

export const ADMIN_USAGE = `usage: npm run admin -- <command>
  user:create --username <u> --roles leader,duty_officer --scopes district:450103[,…] [--display-name <name>] [--password-stdin]
              (without --password-stdin a password is generated and printed once)
  user:disable <username or id>     user:enable <username or id>     user:list
  key:create --name <name> --scope <scope>        key:revoke <id>     key:list
  display:create --name <name> --scope <scope>    display:revoke <id> display:list
It uses the server's configuration (REDIS_URL, or the embedded redis-server under DATA_DIR, which the running server owns).`;

export class AdminUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${ADMIN_USAGE}`);
    this.name = 'AdminUsageError';
  }
}

const OPTIONS = {
  username: { type: 'string' },
  roles: { type: 'string' },
  scopes: { type: 'string' },
  scope: { type: 'string' },
  name: { type: 'string' },
  'display-name': { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

/** Parses the arguments after `--`; throws `AdminUsageError` naming what is wrong. Values are checked by the services. */
export function parseAdminArguments(argv: readonly string[]): AdminCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AdminUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const required = (name: keyof typeof OPTIONS): string => {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new AdminUsageError(`${command} needs --${name}`);
    return value;
  };
  const target = (what: string): string => {
    if (rest.length !== 1 || !rest[0]) throw new AdminUsageError(`${command} needs exactly one ${what}`);
    return rest[0];
  };
  switch (command) {
    case 'user:create':
      return {
        command,
        username: required('username'),
        roles: commaList(required('roles')),
        scopes: commaList(required('scopes')),
        displayName: values['display-name'] ?? null,
        passwordFromStdin: values['password-stdin'] === true,
      };
    case 'user:disable':
    case 'user:enable':
      return { command, user: target('username or id') };
    case 'user:list':
    case 'key:list':
    case 'display:list':
      return { command };
    case 'key:create':
    case 'display:create':
      return { command, name: required('name'), scope: required('scope') };
    case 'key:revoke':
    case 'display:revoke':
      return { command, id: target('id') };
    default:
      throw new AdminUsageError(command === undefined ? 'no command given' : `unknown command ${command}`);
  }
}

function commaList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}
