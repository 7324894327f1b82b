import { createRedis, startEmbeddedRedis, UserStore, type EmbeddedRedis } from '@grid-command/queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { join } from 'node:path';
import { loadAppConfig } from '../../config/app-config';
import { DEMO_REFERENCE, tempDataDir } from '../../testing/test-server';
import type { AuditEntryInput, AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { loadReferenceIndex } from '../infrastructure/reference-loader';
import { AdminBootstrap } from './admin-bootstrap.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';

/** What the audit trail was given, in place of the audit capability's outbox. */
class RecordedAudit implements AuditTrail {
  readonly entries: AuditEntryInput[] = [];
  async record(entry: AuditEntryInput): Promise<void> {
    this.entries.push(entry);
  }
}

async function failureOf(promise: Promise<unknown>): Promise<AppError | string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof AppError ? error : String(error);
  }
}

/** The parts of identity whose point is what several processes sharing one Redis see. */
describe('identity over a shared redis-server', () => {
  const data = tempDataDir();
  let server: EmbeddedRedis;
  const connections: Redis[] = [];
  const connect = (name: string): Redis => {
    const connection = createRedis({ kind: 'socket', path: server.socketPath }, 'consumer', name);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = await startEmbeddedRedis(join(data.path, 'redis'));
  });

  afterAll(async () => {
    await Promise.allSettled(connections.map((connection) => connection.quit()));
    await server.stop();
    data.remove();
  });

  it('creates one first admin when two processes start at once, and none once an admin exists', async () => {
    const config = loadAppConfig({ ADMIN_BOOTSTRAP_PASSWORD: 'first-admin-password' });
    const [reference, hasher] = await Promise.all([loadReferenceIndex([DEMO_REFERENCE]), PasswordHasher.create()]);
    const audit = new RecordedAudit();
    const processes = ['a', 'b'].map((name) => new AdminBootstrap(config, new UserStore(connect(`bootstrap-${name}`)), hasher, reference, audit));
    await Promise.all(processes.map((process) => process.onApplicationBootstrap()));
    await processes[0]?.onApplicationBootstrap();

    const users = await new UserStore(connect('check')).list();
    expect(users).toEqual([expect.objectContaining({ username: 'admin', roles: ['admin'], scopes: ['district:450103'], disabled: false })]);
    expect(await hasher.verify(users[0]?.passwordHash ?? '', 'first-admin-password')).toBe(true);
    expect(audit.entries.map((entry) => `${entry.action} ${entry.target}`)).toEqual(['user.create admin']);
    expect(JSON.stringify(audit.entries)).not.toContain('first-admin-password');
  });

  it('locks a username after 5 failures and an address after 30, for every process; a success clears the username', async () => {
    const [one, other] = [new LoginThrottle(connect('throttle-a')), new LoginThrottle(connect('throttle-b'))];
    for (let failure = 1; failure <= 4; failure += 1) expect(await one.recordFailure('zhang.san', '10.0.0.1')).toEqual({ delayMs: failure * 250, lockedNow: false });
    await other.reset('zhang.san');
    await other.assertNotLocked('zhang.san', '10.0.0.1');
    for (let failure = 1; failure <= 4; failure += 1) await one.recordFailure('zhang.san', '10.0.0.1');
    expect(await other.recordFailure('zhang.san', '10.0.0.1')).toEqual({ delayMs: 1_250, lockedNow: true });
    const locked = await failureOf(one.assertNotLocked('zhang.san', '10.0.0.2'));
    expect(locked).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/username: try again in 15 min/) });
    expect((locked as AppError).details.retryAfterSeconds).toBeGreaterThan(14 * 60);

    // 9 failures so far from 10.0.0.1; 21 more, each for another username, reach the address's 30.
    for (let failure = 0; failure < 21; failure += 1) await other.recordFailure(`guess-${failure}`, '10.0.0.1');
    expect(await failureOf(one.assertNotLocked('li.si', '10.0.0.1'))).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/address/) });
    await one.assertNotLocked('li.si', '10.0.0.3');
    expect((await one.recordFailure('guess-0', '10.0.0.3')).delayMs).toBe(500);
  });
});
