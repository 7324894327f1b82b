import type { IngestKeyCreated, IngestKeyView } from '@grid-command/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../common/access';
import { INGEST_KEYS } from './identity-tokens';
import { requesterOf } from './requester';
import type { ScopedCredentials } from './scoped-credentials.service';

@Controller('api/v1/ingest-keys')
export class IngestKeysController {
  constructor(@Inject(INGEST_KEYS) private readonly keys: ScopedCredentials) {}

  /** Never the keys themselves. */
  @Get()
  async list(): Promise<{ ingestKeys: IngestKeyView[] }> {
    return { ingestKeys: await this.keys.list() };
  }

  /** 201 `{id, key}`: the key is shown this once. */
  @Post()
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<IngestKeyCreated> {
    const issued = await this.keys.issue(body, requesterOf(principal, request));
    return { id: issued.id, key: issued.secret };
  }

  /** 204, also for a key revoked before; 404 for an unknown id. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<void> {
    return this.keys.revoke(id, requesterOf(principal, request));
  }
}
