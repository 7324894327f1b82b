import {
  alertDetailSchema,
  displayTokenCreatedSchema,
  ingestKeyCreatedSchema,
  sessionTokensSchema,
  userViewSchema,
  type AlertDetail,
  type DisplayTokenCreated,
  type UserRole,
  type UserView,
} from '@grid-command/contracts';
import { BOOTSTRAP_ADMIN_USERNAME, requestJson } from '@grid-command/server-harness';

/** A user the tests log in as, with the password they type. */
export interface TestUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

/** What an admin's script does through the API: log in, create users, keys and display tokens, revoke them. */
export class AdminApi {
  private constructor(
    readonly baseUrl: string,
    readonly accessToken: string,
  ) {}

  static async logIn(baseUrl: string, password: string): Promise<AdminApi> {
    const answer = await requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username: BOOTSTRAP_ADMIN_USERNAME, password } });
    return new AdminApi(baseUrl, sessionTokensSchema.parse(answer).accessToken);
  }

  async createUser(user: TestUser, roles: readonly UserRole[], scopes: readonly string[]): Promise<UserView> {
    const answer = await this.send('POST', '/api/v1/users', { ...user, roles, scopes });
    return userViewSchema.parse(answer);
  }

  async createIngestKey(name: string, scope: string): Promise<string> {
    return ingestKeyCreatedSchema.parse(await this.send('POST', '/api/v1/ingest-keys', { name, scope })).key;
  }

  async createDisplayToken(name: string, scope: string): Promise<DisplayTokenCreated> {
    return displayTokenCreatedSchema.parse(await this.send('POST', '/api/v1/display-tokens', { name, scope }));
  }

  async revokeDisplayToken(id: string): Promise<void> {
    await this.send('DELETE', `/api/v1/display-tokens/${id}`);
  }

  async alert(id: string): Promise<AlertDetail> {
    return alertDetailSchema.parse(await this.send('GET', `/api/v1/alerts/${id}`));
  }

  /** Any other read, answered as the admin sees it. */
  get(path: string): Promise<unknown> {
    return this.send('GET', path);
  }

  private send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    return requestJson(this.baseUrl, { method, path, bearer: this.accessToken, ...(body === undefined ? {} : { body }) });
  }
}
