import type { WallCommandSent, WallFleet } from '@grid-command/contracts';
import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../common/access';
import { invalidInput } from '../common/invalid-input';
import { WallFleetService } from './wall-fleet.service';

const fleetQuerySchema = z.strictObject({});

/** The walls connected to the deployment (`/ops`, the console) and the commands sent to one of them. */
@Controller('api/v1/ops/walls')
export class WallFleetController {
  constructor(private readonly walls: WallFleetService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal): Promise<WallFleet> {
    const parsed = fleetQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    return this.walls.list(principal);
  }

  /** 202 once the command is on its way to the wall's live process; 404 when no such wall is connected. */
  @Post(':id/commands')
  @HttpCode(202)
  command(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Ip() sourceIp: string): Promise<WallCommandSent> {
    return this.walls.command(id, body, principal, sourceIp);
  }
}
