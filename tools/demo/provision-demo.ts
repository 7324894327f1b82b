/**
 * `npm run demo`'s credentials, made through the API once the server is ready, as an admin would: the first admin
 * (created by the server from ADMIN_BOOTSTRAP_PASSWORD) signs in and makes one user per role, an ingest key for the
 * simulated feed and a display token for the wall, or reuses those a previous run kept (`demo-store.ts`). Prints
 * one JSON line on stdout for the launcher (see `DemoCredentials`); explains any failure on stderr, exit code 1.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  apiErrorSchema,
  displayTokenCreatedSchema,
  displayTokenListSchema,
  ingestKeyCreatedSchema,
  ingestKeyListSchema,
  sessionTokensSchema,
  userListSchema,
  userViewSchema,
} from '@grid-command/contracts';
import { validateReferenceFile } from '@grid-command/domain';
import { demoUsers, SIMULATOR_USER, type DemoUser } from './demo-accounts';
import { credentialStep, userStep } from './demo-plan';
import { readDemoStore, writeDemoStore, type DemoStore } from './demo-store';

/** What the launcher prints and passes on. */
interface DemoCredentials {
  readonly users: ReadonlyArray<DemoUser & { readonly password: string }>;
  readonly wallUrl: string;
  readonly simulator: { readonly ingestKey: string; readonly username: string; readonly password: string };
}

const ROOT = join(__dirname, '..', '..');

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set (tools/launch.mjs sets it)`);
  return value;
}

const baseUrl = required('BASE_URL');
const dataDir = resolve(ROOT, required('DATA_DIR'));
const adminPassword = required('ADMIN_BOOTSTRAP_PASSWORD');

/** Sixteen characters of base64url: more than the twelve a password needs, short enough to type from the banner. */
const newPassword = (): string => randomBytes(12).toString('base64url');

async function api(method: 'GET' | 'POST' | 'DELETE', path: string, bearer: string | null, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const answer: unknown = text === '' ? null : JSON.parse(text);
  if (response.ok) return answer;
  const error = apiErrorSchema.safeParse(answer);
  throw new Error(`${method} ${path}: ${response.status} ${error.success ? `${error.data.error}: ${error.data.message}` : text.slice(0, 200)}`);
}

async function signInAsAdmin(): Promise<string> {
  try {
    return sessionTokensSchema.parse(await api('POST', '/api/v1/auth/login', null, { username: 'admin', password: adminPassword })).accessToken;
  } catch (error) {
    throw new Error(
      `the demo signs in as "admin" with ADMIN_BOOTSTRAP_PASSWORD (or the one kept in ${join(dataDir, 'demo-admin-password')}), and the server refused it: ` +
        `${error instanceof Error ? error.message : String(error)}. This DATA_DIR's admin has another password: set ADMIN_BOOTSTRAP_PASSWORD to it, or use a fresh DATA_DIR.`,
    );
  }
}

/** The reference's district and its first street, the scopes the demo grants. */
async function demoScopes(): Promise<{ district: string; street: string }> {
  const path = join(ROOT, 'reference', 'demo-district.json');
  const reference = validateReferenceFile(JSON.parse(await readFile(path, 'utf8')), path);
  const codeAt = (level: string): string | undefined => reference.features.find((feature) => feature.properties.level === level)?.properties.code;
  const district = codeAt('district');
  const street = codeAt('street');
  if (district === undefined || street === undefined) throw new Error(`${path} has no district or no street`);
  return { district: `district:${district}`, street: `street:${street}` };
}

async function provisionUsers(admin: string, users: readonly DemoUser[], store: DemoStore): Promise<Record<string, string>> {
  const existing = new Map(userListSchema.parse(await api('GET', '/api/v1/users', admin)).users.map((user) => [user.username, user]));
  const passwords: Record<string, string> = {};
  for (const user of users) {
    const current = existing.get(user.username);
    const stored = store.passwords[user.username];
    const step = userStep(current, stored);
    if (step === 'reuse' && stored !== undefined) {
      passwords[user.username] = stored;
      continue;
    }
    if (step === 'recreate' && current !== undefined) await api('DELETE', `/api/v1/users/${current.id}`, admin);
    const password = newPassword();
    userViewSchema.parse(await api('POST', '/api/v1/users', admin, { ...user, password }));
    passwords[user.username] = password;
  }
  return passwords;
}

async function main(): Promise<DemoCredentials> {
  const admin = await signInAsAdmin();
  const { district, street } = await demoScopes();
  const store = await readDemoStore(dataDir);
  const users = demoUsers(district, street);
  const passwords = await provisionUsers(admin, users, store);

  const keys = ingestKeyListSchema.parse(await api('GET', '/api/v1/ingest-keys', admin)).ingestKeys;
  const ingestKey =
    credentialStep(store.ingestKey, keys) === 'reuse' && store.ingestKey !== null
      ? store.ingestKey
      : ingestKeyCreatedSchema.parse(await api('POST', '/api/v1/ingest-keys', admin, { name: '模拟器 · 演示数据', scope: district }));
  const tokens = displayTokenListSchema.parse(await api('GET', '/api/v1/display-tokens', admin)).displayTokens;
  const displayToken =
    credentialStep(store.displayToken, tokens) === 'reuse' && store.displayToken !== null
      ? store.displayToken
      : displayTokenCreatedSchema.parse(await api('POST', '/api/v1/display-tokens', admin, { name: '演示大屏', scope: district }));
  await writeDemoStore(dataDir, { passwords, ingestKey, displayToken });

  const withPassword = users.map((user) => ({ ...user, password: passwords[user.username] ?? '' }));
  return {
    users: withPassword.filter((user) => user.username !== SIMULATOR_USER),
    wallUrl: displayToken.url,
    simulator: { ingestKey: ingestKey.key, username: SIMULATOR_USER, password: passwords[SIMULATOR_USER] ?? '' },
  };
}

main().then(
  (credentials) => console.log(JSON.stringify(credentials)),
  (error: unknown) => {
    console.error(`demo credentials: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
