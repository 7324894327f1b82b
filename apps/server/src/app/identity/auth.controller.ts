import type { PrincipalView, SessionTokens } from '@grid-command/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, viewOfPrincipal, type AuthenticatedRequest, type Principal } from '../common/access';
import { AuthService } from './auth.service';

@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 200 with the session's tokens; 401 "wrong username or password" for any failure; 429 while locked. */
  @Post('login')
  @HttpCode(HttpStatus.OK)
  login(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<SessionTokens> {
    return this.auth.login(body, request.ip ?? null);
  }

  /** 200 with a new pair; the presented refresh token is spent. */
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  refresh(@Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<SessionTokens> {
    return this.auth.refresh(body, request.ip ?? null);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  logout(@CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<void> {
    return this.auth.logout(principal, request.ip ?? null);
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return viewOfPrincipal(principal);
  }
}
