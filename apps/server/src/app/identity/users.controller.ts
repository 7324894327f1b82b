import type { UserView } from '@grid-command/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../common/access';
import { requesterOf } from './requester';
import { UsersService } from './users.service';

@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<{ users: UserView[] }> {
    return { users: await this.users.list() };
  }

  /** 201 with the user (never the password); 409 `conflict` when the username is taken. */
  @Post()
  create(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<UserView> {
    return this.users.create(body, requesterOf(principal, request));
  }

  /** `{disabled}`: a disabled user's tokens stop at once. */
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<UserView> {
    return this.users.setDisabled(id, body, requesterOf(principal, request));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<void> {
    return this.users.delete(id, requesterOf(principal, request));
  }
}
