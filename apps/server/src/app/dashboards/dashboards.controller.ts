import type { Dashboard } from '@grid-command/contracts';
import { Controller, Get, Inject, Logger, Param, type OnModuleInit } from '@nestjs/common';
import { existsSync } from 'node:fs';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../infrastructure/tokens';
import { DASHBOARD_NAME, DashboardFileError, readDashboard, validateDashboards } from './dashboard-files';

/** Wall layouts, read from disk on every request so a district can change its wall without a restart or rebuild. */
@Controller('api/v1/dashboards')
export class DashboardsController implements OnModuleInit {
  private readonly logger = new Logger(DashboardsController.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const names = await validateDashboards(this.config.dashboardDir);
    this.logger.log(`dashboards in ${this.config.dashboardDir}: ${names.join(', ') || 'none'}`);
  }

  @Get(':name')
  async dashboard(@Param('name') name: string): Promise<Dashboard> {
    if (!DASHBOARD_NAME.test(name)) throw new AppError('invalid_parameter', 'name must be lower-case letters, digits and dashes');
    if (!existsSync(`${this.config.dashboardDir}/${name}.json`)) throw new AppError('not_found', `no dashboard named ${name}`);
    try {
      return await readDashboard(this.config.dashboardDir, name);
    } catch (error) {
      if (error instanceof DashboardFileError) {
        this.logger.error(error.message);
        throw new AppError('internal', `dashboard ${name} is invalid; see the server log`);
      }
      throw error;
    }
  }
}
