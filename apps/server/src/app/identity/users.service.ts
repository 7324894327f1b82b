import { createUserRequestSchema, updateUserRequestSchema, type UserView } from '@grid-command/contracts';
import type { ReferenceIndex } from '@grid-command/domain';
import { UserStore } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AUDIT_TRAIL, type AuditActor, type AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { REFERENCE_INDEX } from '../infrastructure/tokens';
import { assertScopesLoaded } from './granted-scopes';
import { PasswordHasher } from './password-hasher';
import { REVOCATION_ANNOUNCER, type RevocationAnnouncer } from './revocation-announcer';
import { viewOfUser } from './user-view';

/** Who asks for a change, as the audit log records it; the admin CLI is a `system` actor. */
export interface AdministrativeRequester {
  readonly actor: AuditActor;
  readonly sourceIp: string | null;
}

/**
 * Users, for the admins' REST and the admin CLI alike. Disabling or deleting a user ends their tokens at once
 * (announced to every process); nobody disables or deletes themself, so a deployment always keeps an admin who can.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    @Inject(REVOCATION_ANNOUNCER) private readonly revocations: RevocationAnnouncer,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(viewOfUser);
  }

  /** 409 `conflict` when the username is taken. */
  async create(body: unknown, requester: AdministrativeRequester): Promise<UserView> {
    const parsed = createUserRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const request = parsed.data;
    assertScopesLoaded(this.reference, request.scopes, 'scopes', true);
    const user = {
      id: randomUUID(),
      username: request.username,
      passwordHash: await this.hasher.hash(request.password),
      displayName: request.displayName ?? request.username,
      roles: [...new Set(request.roles)],
      scopes: [...new Set(request.scopes)],
      createdAt: new Date().toISOString(),
    };
    const created = await this.users.create(user);
    await this.audit.record({
      action: 'user.create',
      actor: requester.actor,
      target: request.username,
      outcome: created ? 'success' : 'failure',
      sourceIp: requester.sourceIp,
      detail: { roles: user.roles.join(','), scopes: user.scopes.join(',') },
    });
    if (!created) throw new AppError('conflict', `username: ${request.username} is taken`);
    return viewOfUser({ ...user, disabled: false });
  }

  async setDisabled(id: string, body: unknown, requester: AdministrativeRequester): Promise<UserView> {
    const parsed = updateUserRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const { disabled } = parsed.data;
    if (disabled) this.assertNotSelf(id, requester, 'disable');
    if (!(await this.users.setDisabled(id, disabled))) throw new AppError('not_found', `no user ${id}`);
    if (disabled) await this.revocations.announce({ kind: 'user', id });
    await this.audit.record({ action: disabled ? 'user.disable' : 'user.enable', actor: requester.actor, target: id, outcome: 'success', sourceIp: requester.sourceIp });
    const user = await this.users.byId(id);
    if (!user) throw new AppError('not_found', `no user ${id}`);
    return viewOfUser(user);
  }

  async delete(id: string, requester: AdministrativeRequester): Promise<void> {
    this.assertNotSelf(id, requester, 'delete');
    if (!(await this.users.delete(id))) throw new AppError('not_found', `no user ${id}`);
    await this.revocations.announce({ kind: 'user', id });
    await this.audit.record({ action: 'user.delete', actor: requester.actor, target: id, outcome: 'success', sourceIp: requester.sourceIp });
  }

  private assertNotSelf(id: string, requester: AdministrativeRequester, verb: string): void {
    if (requester.actor.kind === 'user' && requester.actor.id === id) {
      throw new AppError('forbidden', `you cannot ${verb} yourself: another admin must, so the deployment always keeps an admin`);
    }
  }
}
