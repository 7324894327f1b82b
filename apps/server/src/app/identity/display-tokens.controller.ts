import type { DisplayTokenCreated, DisplayTokenView } from '@grid-command/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../common/access';
import { APP_CONFIG } from '../infrastructure/tokens';
import { DISPLAY_TOKENS } from './identity-tokens';
import { requesterOf } from './requester';
import { kioskUrl } from './scoped-credential-kinds';
import type { ScopedCredentials } from './scoped-credentials.service';

@Controller('api/v1/display-tokens')
export class DisplayTokensController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DISPLAY_TOKENS) private readonly tokens: ScopedCredentials,
  ) {}

  /** Never the tokens themselves. */
  @Get()
  async list(): Promise<{ displayTokens: DisplayTokenView[] }> {
    return { displayTokens: await this.tokens.list() };
  }

  /** 201 `{id, token, url}`: the token and the kiosk address carrying it are shown this once. */
  @Post()
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<DisplayTokenCreated> {
    const issued = await this.tokens.issue(body, requesterOf(principal, request));
    return { id: issued.id, token: issued.secret, url: kioskUrl(this.config, issued.scope, issued.secret) };
  }

  /** 204, also for a token revoked before; 404 for an unknown id. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<void> {
    return this.tokens.revoke(id, requesterOf(principal, request));
  }
}
