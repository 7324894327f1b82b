import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { requestLogOptions } from './request-log-options';
import { processLogger } from './process-logger';

/**
 * One JSON line per request (pino-http through nestjs-pino) with its request id, and that id on every line the code
 * writes while handling it, through the process logger `createApp` started.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({ pinoHttp: requestLogOptions(processLogger().pino), forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }] }),
    }),
  ],
})
export class LoggingModule {}
