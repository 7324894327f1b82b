import type { KpiResponse } from '@grid-command/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { KpiService } from './kpi.service';

@Controller('api/v1/kpis')
export class KpisController {
  constructor(private readonly kpis: KpiService) {}

  /** `?scope=district:450103&period=today|week|month|custom[&from=YYYY-MM-DD&to=YYYY-MM-DD]` */
  @Get()
  get(@Query() query: Record<string, unknown>): Promise<KpiResponse> {
    return this.kpis.kpis(query);
  }
}
