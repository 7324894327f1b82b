import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AlertBookModule } from '../../alerts';
import { JsonBodyMiddleware } from '../../common/json-body.middleware';
import { DeadLetterReplayService } from './dead-letter-replay.service';
import { DeadLettersController } from './dead-letters.controller';

/** The dead letters' REST, part of the ingest capability, which owns storing reports. */
@Module({ imports: [AlertBookModule], controllers: [DeadLettersController], providers: [DeadLetterReplayService] })
export class DeadLettersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes({ path: 'api/v1/ops/dead-letters/:id/replay', method: RequestMethod.POST });
  }
}
