import type { ReferenceIndex } from '@grid-command/domain';
import { UserStore } from '@grid-command/queue';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';
import { PasswordHasher } from './password-hasher';

export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

/**
 * The first admin: on a start with `ADMIN_BOOTSTRAP_PASSWORD` set and no enabled admin, creates the user `admin`
 * with every loaded district. Two processes starting at once both try; the username is claimed atomically, so one
 * creates it and the other finds it taken. The password is never logged.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.auth.bootstrapAdminPassword;
    if (password === null) return;
    const existing = await this.users.list();
    if (existing.some((user) => user.roles.includes('admin') && !user.disabled)) return;
    const scopes = this.reference.districts().map((district) => district.scope);
    const created = await this.users.create({
      id: randomUUID(),
      username: BOOTSTRAP_ADMIN_USERNAME,
      passwordHash: await this.hasher.hash(password),
      displayName: 'Administrator',
      roles: ['admin'],
      scopes,
      createdAt: new Date().toISOString(),
    });
    if (created) {
      this.logger.log(`created the first admin user "${BOOTSTRAP_ADMIN_USERNAME}" (scopes ${scopes.join(', ')}) from ADMIN_BOOTSTRAP_PASSWORD`);
      await this.audit.record({ action: 'user.create', actor: { kind: 'system', id: 'bootstrap', name: 'admin bootstrap' }, target: BOOTSTRAP_ADMIN_USERNAME, outcome: 'success', sourceIp: null, detail: { roles: 'admin', scopes: scopes.join(',') } });
      return;
    }
    const holder = await this.users.byUsername(BOOTSTRAP_ADMIN_USERNAME);
    if (holder?.roles.includes('admin') && !holder.disabled) return;
    this.logger.warn(
      `no enabled admin, and the username "${BOOTSTRAP_ADMIN_USERNAME}" is taken by a ${holder?.disabled ? 'disabled ' : ''}user without the admin role: ` +
        'enable an admin with `npm run admin -- user:enable <username>`',
    );
  }
}
