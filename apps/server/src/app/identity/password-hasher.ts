import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id for the passwords people choose. The dummy hash, made once at start-up with the same parameters, is
 * what a login for an unknown username is verified against, so it costs as long as a wrong password.
 */
export class PasswordHasher {
  private constructor(readonly dummyHash: string) {}

  static async create(): Promise<PasswordHasher> {
    return new PasswordHasher(await hashPassword(randomBytes(32).toString('base64url')));
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }
}

function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
