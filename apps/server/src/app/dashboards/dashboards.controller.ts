import type { ServedDashboard } from '@grid-command/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { DASHBOARD_NAME } from './dashboard-files';
import { DashboardCatalog } from './dashboard-catalog.service';

/** Wall layouts as the catalog holds them: the last good version of each file, with its revision and any notice. */
@Controller('api/v1/dashboards')
export class DashboardsController {
  constructor(private readonly catalog: DashboardCatalog) {}

  @Get(':name')
  dashboard(@Param('name') name: string): Promise<ServedDashboard> {
    if (!DASHBOARD_NAME.test(name)) throw new AppError('invalid_parameter', 'name must be lower-case letters, digits and dashes');
    return this.catalog.served(name);
  }
}
