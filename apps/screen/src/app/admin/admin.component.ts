import { ChangeDetectionStrategy, Component, ErrorHandler, computed, effect, inject, signal, untracked } from '@angular/core';
import { USER_ROLES, type DisplayTokenView, type IngestKeyView, type UserRole, type UserView } from '@grid-command/contracts';
import { SessionService } from '../shared/auth/session.service';
import { ApiRequestError } from '../shared/data/api-request.error';
import { LangService } from '../shared/i18n/lang.service';
import { translate, type MessageKey } from '../shared/i18n/messages';
import { clockFace } from '../shared/time/clock-format';
import { DeploymentTimeZone } from '../shared/time/deployment-time-zone.service';
import { ScopeNameCache } from '../shared/scopes/scope-name-cache.service';
import { AdminApi } from './admin-api.service';
import { userRequest } from './user-form';

/** A secret the server shows once: the new ingest key, or the new display token with its kiosk address. */
interface ShownOnce {
  readonly what: string;
  readonly secret: string;
  readonly url: string | null;
}

type Credential = IngestKeyView | DisplayTokenView;

/**
 * 用户与凭据管理 (`/admin`, admin role): users (create, disable or enable, delete), ingest keys and display tokens
 * (create, revoke). A new key or token is shown once, with the kiosk address for a display token; the lists never
 * hold secrets.
 */
@Component({
  selector: 'gc-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin.component.html',
  styleUrls: ['../shared/desk-page.css', './admin.component.css'],
  providers: [ScopeNameCache],
})
export class AdminComponent {
  private readonly api = inject(AdminApi);
  private readonly errors = inject(ErrorHandler);
  private readonly langService = inject(LangService);
  private readonly timeZone = inject(DeploymentTimeZone).zone;
  private readonly scopeNames = inject(ScopeNameCache);
  protected readonly session = inject(SessionService);

  protected readonly lang = this.langService.lang;
  protected readonly roles = USER_ROLES;
  protected readonly isAdmin = computed(() => this.session.principal()?.roles.includes('admin') ?? false);
  protected readonly users = signal<readonly UserView[] | null>(null);
  protected readonly ingestKeys = signal<readonly IngestKeyView[] | null>(null);
  protected readonly displayTokens = signal<readonly DisplayTokenView[] | null>(null);
  protected readonly shownOnce = signal<ShownOnce | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly userForm = {
    username: signal(''),
    password: signal(''),
    displayName: signal(''),
    roles: signal<readonly UserRole[]>(['duty_officer']),
    scopes: signal(''),
  };
  protected readonly keyForm = { name: signal(''), scope: signal('') };
  protected readonly tokenForm = { name: signal(''), scope: signal('') };

  protected readonly t = (key: MessageKey, params?: Parameters<typeof translate>[2]): string => translate(this.lang(), key, params);

  constructor() {
    if (this.isAdmin()) void this.run(() => this.reload());
    // Grants and credentials are shown by the scopes' names, not their codes.
    effect(() => {
      const scopes = [...(this.users() ?? []).flatMap((user) => user.scopes), ...(this.ingestKeys() ?? []).map((key) => key.scope), ...(this.displayTokens() ?? []).map((token) => token.scope)];
      untracked(() => this.scopeNames.want(scopes));
    });
  }

  /** `青秀区、新竹街道`: the scopes by name, a code only while its name is not known. */
  protected scopeText(scopes: readonly string[]): string {
    const names = this.scopeNames.names();
    return scopes.map((scope) => names.get(scope) ?? scope).join('、');
  }

  protected toggleRole(role: UserRole, on: boolean): void {
    this.userForm.roles.update((roles) => USER_ROLES.filter((candidate) => (candidate === role ? on : roles.includes(candidate))));
  }

  protected roleText(roles: readonly string[]): string {
    return roles.map((role) => this.t(`role.${role}` as MessageKey)).join(' · ');
  }

  protected usage(credential: Credential): string {
    if (credential.revokedAt !== null) return this.t('admin.revokedAt', { time: this.when(credential.revokedAt) });
    return credential.lastUsedAt === null ? this.t('admin.neverUsed') : this.t('admin.lastUsed', { time: this.when(credential.lastUsedAt), count: credential.uses });
  }

  protected createUser(): Promise<void> {
    const request = userRequest({
      username: this.userForm.username(),
      password: this.userForm.password(),
      displayName: this.userForm.displayName(),
      roles: this.userForm.roles(),
      scopes: this.userForm.scopes(),
    });
    if ('problems' in request) {
      this.problem.set(request.problems.join('; '));
      return Promise.resolve();
    }
    return this.run(async () => {
      await this.api.createUser(request);
      this.userForm.username.set('');
      this.userForm.password.set('');
      this.userForm.displayName.set('');
      this.users.set(await this.api.users());
    });
  }

  protected setDisabled(user: UserView, disabled: boolean): Promise<void> {
    return this.run(async () => {
      await this.api.setUserDisabled(user.id, disabled);
      this.users.set(await this.api.users());
    });
  }

  protected deleteUser(user: UserView): Promise<void> {
    return this.run(async () => {
      await this.api.deleteUser(user.id);
      this.users.set(await this.api.users());
    });
  }

  protected createIngestKey(): Promise<void> {
    return this.run(async () => {
      const name = this.keyForm.name().trim();
      const created = await this.api.createIngestKey({ name, scope: this.keyForm.scope().trim() });
      this.shownOnce.set({ what: name, secret: created.key, url: null });
      this.keyForm.name.set('');
      this.ingestKeys.set(await this.api.ingestKeys());
    });
  }

  protected revokeIngestKey(key: IngestKeyView): Promise<void> {
    return this.run(async () => {
      await this.api.revokeIngestKey(key.id);
      this.ingestKeys.set(await this.api.ingestKeys());
    });
  }

  protected createDisplayToken(): Promise<void> {
    return this.run(async () => {
      const name = this.tokenForm.name().trim();
      const created = await this.api.createDisplayToken({ name, scope: this.tokenForm.scope().trim() });
      this.shownOnce.set({ what: name, secret: created.token, url: created.url });
      this.tokenForm.name.set('');
      this.displayTokens.set(await this.api.displayTokens());
    });
  }

  protected revokeDisplayToken(token: DisplayTokenView): Promise<void> {
    return this.run(async () => {
      await this.api.revokeDisplayToken(token.id);
      this.displayTokens.set(await this.api.displayTokens());
    });
  }

  protected toggleLang(): void {
    this.langService.toggle();
  }

  protected logout(): Promise<void> {
    return this.session.logout();
  }

  private when(instant: string): string {
    const face = clockFace(Date.parse(instant), this.timeZone(), this.lang());
    return `${face.date} ${face.time}`;
  }

  private async reload(): Promise<void> {
    const [users, ingestKeys, displayTokens] = await Promise.all([this.api.users(), this.api.ingestKeys(), this.api.displayTokens()]);
    this.users.set(users);
    this.ingestKeys.set(ingestKeys);
    this.displayTokens.set(displayTokens);
  }

  private async run(change: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await change();
    } catch (error) {
      this.errors.handleError(error);
      this.problem.set(this.t('admin.failed', { message: error instanceof ApiRequestError ? error.detail : String(error) }));
    } finally {
      this.busy.set(false);
    }
  }
}
