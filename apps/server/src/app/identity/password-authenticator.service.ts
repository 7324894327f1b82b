import { UserStore, type UserRecord } from '@grid-command/queue';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { WRONG_CREDENTIALS_MESSAGE, type CredentialAuthenticator } from './credential-authenticator';
import { PasswordHasher } from './password-hasher';

/**
 * Username and password against the users in Redis. An unknown user is verified against the dummy hash and a
 * disabled user's password is verified too, so every failure takes as long as a wrong password and reads the same.
 */
@Injectable()
export class PasswordAuthenticator implements CredentialAuthenticator {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
  ) {}

  async authenticate(username: string, password: string): Promise<UserRecord> {
    const user = await this.users.byUsername(username);
    const matches = await this.hasher.verify(user?.passwordHash ?? this.hasher.dummyHash, password);
    if (!user || !matches || user.disabled) throw new AppError('unauthenticated', WRONG_CREDENTIALS_MESSAGE);
    return user;
  }
}
