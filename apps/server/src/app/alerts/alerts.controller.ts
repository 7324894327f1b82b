import type { AlertActionResult, AlertDetail, AlertList, AlertMute, AlertRulesFile } from '@grid-command/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Ip, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../common/access';
import { ALERT_RULES } from '../infrastructure/tokens';
import { AlertMutesService } from './alert-mutes.service';
import { AlertsService } from './alerts.service';

@Controller('api/v1')
export class AlertsController {
  constructor(
    @Inject(ALERT_RULES) private readonly rules: AlertRulesFile,
    private readonly alerts: AlertsService,
    private readonly mutes: AlertMutesService,
  ) {}

  @Get('alert-rules')
  alertRules(): AlertRulesFile {
    return this.rules;
  }

  @Get('alerts')
  list(@Query() query: Record<string, unknown>): Promise<AlertList> {
    return this.alerts.list(query);
  }

  @Get('alerts/:id')
  detail(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AlertDetail> {
    return this.alerts.detail(id, principal);
  }

  /** 200 with the alert as it now stands; 409 `alert_conflict` with the alert when another officer got there first. */
  @Post('alerts/:id/actions')
  @HttpCode(HttpStatus.OK)
  act(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Ip() sourceIp: string): Promise<AlertActionResult> {
    return this.alerts.act(id, body, principal, sourceIp);
  }

  @Get('alert-mutes')
  listMutes(@Query('scope') scope: string | undefined, @CurrentPrincipal() principal: Principal): Promise<{ mutes: AlertMute[] }> {
    return this.mutes.list(scope, principal);
  }

  @Post('alert-mutes')
  addMute(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Ip() sourceIp: string): Promise<AlertMute> {
    return this.mutes.add(body, principal, sourceIp);
  }

  @Delete('alert-mutes/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeMute(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Ip() sourceIp: string): Promise<void> {
    return this.mutes.remove(id, principal, sourceIp);
  }
}
