import { Injectable, inject } from '@angular/core';
import {
  displayTokenCreatedSchema,
  displayTokenViewSchema,
  ingestKeyCreatedSchema,
  ingestKeyViewSchema,
  userViewSchema,
  type CreateDisplayTokenRequest,
  type CreateIngestKeyRequest,
  type CreateUserRequest,
  type DisplayTokenCreated,
  type DisplayTokenView,
  type IngestKeyCreated,
  type IngestKeyView,
  type UserView,
} from '@grid-command/contracts';
import { z } from 'zod';
import { ApiClient } from '../shared/data/api-client.service';

const usersSchema = z.strictObject({ users: z.array(userViewSchema) });
const ingestKeysSchema = z.strictObject({ ingestKeys: z.array(ingestKeyViewSchema) });
const displayTokensSchema = z.strictObject({ displayTokens: z.array(displayTokenViewSchema) });

/** The admin endpoints: users, ingest keys and display tokens. A key or token comes back whole only once, on creation. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly api = inject(ApiClient);

  async users(): Promise<UserView[]> {
    return (await this.api.get('/api/v1/users', usersSchema)).users;
  }

  createUser(request: CreateUserRequest): Promise<UserView> {
    return this.api.post('/api/v1/users', request, userViewSchema);
  }

  setUserDisabled(id: string, disabled: boolean): Promise<UserView> {
    return this.api.patch(`/api/v1/users/${encodeURIComponent(id)}`, { disabled }, userViewSchema);
  }

  deleteUser(id: string): Promise<void> {
    return this.api.delete(`/api/v1/users/${encodeURIComponent(id)}`);
  }

  async ingestKeys(): Promise<IngestKeyView[]> {
    return (await this.api.get('/api/v1/ingest-keys', ingestKeysSchema)).ingestKeys;
  }

  createIngestKey(request: CreateIngestKeyRequest): Promise<IngestKeyCreated> {
    return this.api.post('/api/v1/ingest-keys', request, ingestKeyCreatedSchema);
  }

  revokeIngestKey(id: string): Promise<void> {
    return this.api.delete(`/api/v1/ingest-keys/${encodeURIComponent(id)}`);
  }

  async displayTokens(): Promise<DisplayTokenView[]> {
    return (await this.api.get('/api/v1/display-tokens', displayTokensSchema)).displayTokens;
  }

  createDisplayToken(request: CreateDisplayTokenRequest): Promise<DisplayTokenCreated> {
    return this.api.post('/api/v1/display-tokens', request, displayTokenCreatedSchema);
  }

  revokeDisplayToken(id: string): Promise<void> {
    return this.api.delete(`/api/v1/display-tokens/${encodeURIComponent(id)}`);
  }
}
