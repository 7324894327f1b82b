import type { TicketEventsAccepted, TicketView } from '@grid-command/contracts';
import { Body, Controller, Get, HttpStatus, Ip, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '../common/access';
import { TicketService } from './ticket.service';

@Controller('api/v1/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketService) {}

  @Get(':id')
  view(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<TicketView> {
    return this.tickets.view(id, principal);
  }

  /** 202 when an event was recorded, 200 when every event of the body had been recorded before. */
  @Post(':id/events')
  async record(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Ip() sourceIp: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketEventsAccepted> {
    const result = await this.tickets.record(id, body, principal, sourceIp);
    response.status(result.recorded > 0 ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return result;
  }
}
