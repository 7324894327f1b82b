import { AUDIT_OUTBOX_KEY, createRedis, digestOfSecret, ScopedCredentialStore, startEmbeddedRedis, UserStore, type EmbeddedRedis } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as argon2 from 'argon2';
import type { Redis } from 'ioredis';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadAppConfig } from '../config/app-config';
import { DEMO_REFERENCE, tempDataDir, WORKSPACE_ROOT } from '../testing/test-server';
import { parseAdminArguments } from './admin-arguments';
import { runAdminCommand } from './admin-commands';
import { adminContext } from './admin-context';

/** Runs `npm run admin -- …` as an operator does (the same tsx command), with `DATA_DIR` pointing at the test's Redis. */
function runCli(dataDir: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(WORKSPACE_ROOT, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'apps/server/tsconfig.app.json', 'apps/server/src/admin/main.ts', ...args],
      { cwd: WORKSPACE_ROOT, env: { ...process.env, DATA_DIR: dataDir, REFERENCE_FILE: DEMO_REFERENCE }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the admin CLI against the server’s embedded redis-server', () => {
  const data = tempDataDir();
  let server: EmbeddedRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await startEmbeddedRedis(join(data.path, 'redis'));
    redis = createRedis({ kind: 'socket', path: server.socketPath }, 'consumer', 'admin-cli-test');
  });

  afterAll(async () => {
    await redis.quit();
    await server.stop();
    data.remove();
  });

  it('creates an ingest key and a user (password from stdin) in the server’s Redis, each audited', async () => {
    const key = await runCli(data.path, ['key:create', '--name', '12345热线', '--scope', 'district:450103']);
    expect(key).toMatchObject({ code: 0, stderr: '' });
    const secret = /key \(shown once\): (gck_\S+)/.exec(key.stdout)?.[1] ?? '';
    expect(await new ScopedCredentialStore(redis, 'ingest-keys').byDigest(digestOfSecret(secret))).toMatchObject({ name: '12345热线', scope: 'district:450103', revokedAt: null });

    const user = await runCli(data.path, ['user:create', '--username', 'Li.Si', '--roles', 'leader,duty_officer', '--scopes', 'street:450103001', '--password-stdin'], 'a long enough password\n');
    expect(user).toMatchObject({ code: 0, stderr: '' });
    expect(user.stdout).not.toContain('password');
    const stored = await new UserStore(redis).byUsername('li.si');
    expect(stored).toMatchObject({ roles: ['leader', 'duty_officer'], scopes: ['street:450103001'], disabled: false });
    expect(await argon2.verify(stored?.passwordHash ?? '', 'a long enough password')).toBe(true);

    const actions = Object.values(await redis.hgetall(AUDIT_OUTBOX_KEY)).map((text) => JSON.parse(text) as { action: string; actor: { id: string } });
    expect(actions.map(({ action, actor }) => `${action} by ${actor.id}`).sort()).toEqual(['ingest_key.create by admin-cli', 'user.create by admin-cli']);
  }, 120_000);

  it('says what is wrong: a bad scope, and no Redis where the server would keep it', async () => {
    const badScope = await runCli(data.path, ['display:create', '--name', '大屏', '--scope', 'district:999999']);
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain('scope: district:999999 is not in the loaded reference data');
    const noServer = await runCli(join(data.path, 'elsewhere'), ['user:list']);
    expect(noServer.code).toBe(1);
    expect(noServer.stderr).toContain('start the server first');
  }, 120_000);

  it('issues a display token with its kiosk URL, lists and revokes it, and disables a user by name', async () => {
    const config = loadAppConfig({ DATA_DIR: data.path, REFERENCE_FILE: DEMO_REFERENCE, PUBLIC_URL: 'https://wall.example.gov.cn/' });
    const context = await adminContext(config, redis, () => Promise.resolve(''));
    const run = (args: string[]) => runAdminCommand(parseAdminArguments(args), context);

    const created = await run(['display:create', '--name', '青秀区大屏', '--scope', 'district:450103']);
    const id = /display token (\S+) for/.exec(created[0] ?? '')?.[1] ?? '';
    expect(created[2]).toMatch(/^kiosk URL: https:\/\/wall\.example\.gov\.cn\/\?scope=district:450103&display=gcd_[A-Za-z0-9_-]{43}$/);
    expect(await run(['display:revoke', id])).toEqual([`display token ${id} is revoked`]);
    expect((await run(['display:list']))[0]).toContain(`${id}  青秀区大屏  district:450103  revoked`);

    expect(await run(['user:disable', 'li.si'])).toEqual(['li.si is disabled: their tokens stopped working']);
    expect((await run(['user:list'])).join('\n')).toContain('li.si (disabled)');
  }, 60_000);
});
