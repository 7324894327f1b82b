import { PipelineBacklog } from '@grid-command/queue';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { JsonBodyMiddleware } from '../common/json-body.middleware';
import { REDIS_COMMANDS } from '../infrastructure/tokens';
import { OpsOverviewService } from './ops-overview.service';
import { OpsController } from './ops.controller';
import { WallFleetController } from './wall-fleet.controller';
import { WallFleetService } from './wall-fleet.service';

/** The API's side of operations: the overview of rates, backlog, dead letters, stores, screens and headroom; the wall fleet. */
@Module({
  controllers: [OpsController, WallFleetController],
  providers: [
    OpsOverviewService,
    WallFleetService,
    { provide: PipelineBacklog, useFactory: (redis: Redis) => new PipelineBacklog(redis), inject: [REDIS_COMMANDS] },
  ],
})
export class OperationsModule implements NestModule, OnModuleDestroy {
  constructor(private readonly backlog: PipelineBacklog) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'api/v1/ops/walls/:id/commands', method: RequestMethod.POST });
  }

  /** BullMQ's queue objects are closed before the connections they read through. */
  onModuleDestroy(): Promise<void> {
    return this.backlog.close();
  }
}
