import type { DeadLetterList, DeadLetterReplayed } from '@grid-command/contracts';
import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../../common/access';
import { DeadLetterReplayService } from './dead-letter-replay.service';

/** Reports the worker could not store, for operators to see, correct and replay (`/ops`). */
@Controller('api/v1/ops/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterReplayService) {}

  @Get()
  list(@Query() query: Record<string, unknown>): Promise<DeadLetterList> {
    return this.deadLetters.list(query);
  }

  /** 200 once stored; 400 naming the field, 404, 409 (stored by another batch), 422 (failed again) keep the letter. */
  @Post(':id/replay')
  @HttpCode(200)
  replay(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Ip() sourceIp: string): Promise<DeadLetterReplayed> {
    return this.deadLetters.replay(id, body, principal, sourceIp);
  }
}
