import type { OpsOverview } from '@grid-command/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { invalidInput } from '../common/invalid-input';
import { OpsOverviewService } from './ops-overview.service';

/** The overview takes no parameter; one sent anyway is a client's mistake worth naming. */
const overviewQuerySchema = z.strictObject({});

/** The operators' view of the pipeline (`/ops`); who may call it is in the access policy. */
@Controller('api/v1/ops')
export class OpsController {
  constructor(private readonly overview: OpsOverviewService) {}

  @Get('overview')
  read(@Query() query: Record<string, unknown>): Promise<OpsOverview> {
    const parsed = overviewQuerySchema.safeParse(query);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_parameter', 'query');
    return this.overview.overview();
  }
}
