import { describe, expect, it } from '@jest/globals';
import { AppError } from '../common/errors/app-error';
import { AccessTokens } from './access-tokens';

const SECRET = 'x'.repeat(32);

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'resolved';
}

describe('AccessTokens', () => {
  it('verifies what it issued: the user, the session and the expiry', async () => {
    const tokens = await AccessTokens.create(SECRET, 900);
    const issued = await tokens.issue('user-1', 'session-1', new Date());
    expect(issued.expiresIn).toBe(900);
    const verified = await tokens.verify(issued.token);
    expect(verified).toMatchObject({ userId: 'user-1', sessionId: 'session-1' });
    expect(verified.expiresAt.getTime()).toBeGreaterThan(Date.now() + 890_000);
  });

  it('answers token_expired for an expired token and unauthenticated for a foreign or broken one', async () => {
    const tokens = await AccessTokens.create(SECRET, 60);
    const expired = await tokens.issue('user-1', 'session-1', new Date(Date.now() - 120_000));
    expect(await failureOf(tokens.verify(expired.token))).toBe('token_expired');

    const foreign = await (await AccessTokens.create('y'.repeat(32), 60)).issue('user-1', 'session-1', new Date());
    expect(await failureOf(tokens.verify(foreign.token))).toBe('unauthenticated');
    expect(await failureOf(tokens.verify('not.a.jwt'))).toBe('unauthenticated');
    const [header, payload] = foreign.token.split('.');
    expect(await failureOf(tokens.verify(`${header}.${payload}.`))).toBe('unauthenticated');
  });

  it('refuses an unsigned token', async () => {
    const tokens = await AccessTokens.create(SECRET, 60);
    const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'admin', sid: 's', exp: Date.now() / 1000 + 60, iss: 'grid-command', aud: 'grid-command-api', jti: 'j' })}.`;
    expect(await failureOf(tokens.verify(unsigned))).toBe('unauthenticated');
  });
});
