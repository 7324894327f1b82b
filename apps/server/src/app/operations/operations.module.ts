import { PipelineBacklog } from '@grid-command/queue';
import { Module, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_COMMANDS } from '../infrastructure/tokens';
import { OpsOverviewService } from './ops-overview.service';
import { OpsController } from './ops.controller';

/** The API's side of operations: the overview of rates, backlog, dead letters, stores, screens and headroom. */
@Module({
  controllers: [OpsController],
  providers: [
    OpsOverviewService,
    { provide: PipelineBacklog, useFactory: (redis: Redis) => new PipelineBacklog(redis), inject: [REDIS_COMMANDS] },
  ],
})
export class OperationsModule implements OnModuleDestroy {
  constructor(private readonly backlog: PipelineBacklog) {}

  /** BullMQ's queue objects are closed before the connections they read through. */
  onModuleDestroy(): Promise<void> {
    return this.backlog.close();
  }
}
