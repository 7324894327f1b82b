import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { JsonBodyMiddleware } from '../common/json-body.middleware';
import { TicketsModule } from '../tickets';
import { AlertBookModule } from './alert-book.module';
import { AlertMutesService } from './alert-mutes.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** REST for duty officers and other systems: list, read and act on alerts; mute rules and scopes. */
@Module({
  imports: [AlertBookModule, TicketsModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertMutesService],
})
export class AlertsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(JsonBodyMiddleware)
      .forRoutes({ path: 'api/v1/alerts/:id/actions', method: RequestMethod.POST }, { path: 'api/v1/alert-mutes', method: RequestMethod.POST });
  }
}
