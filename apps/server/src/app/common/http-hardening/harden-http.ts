import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import type { Server } from 'node:http';
import type { AppConfig } from '../../../config/app-config';
import { allowedOriginsOf } from './allowed-origins';
import { corsOptions } from './cors';
import { securityHeaders } from './security-headers';
import { boundRequestTimes } from './server-timeouts';

/** Everything the HTTP server does before any route sees a request: headers, CORS, time bounds. */
export function hardenHttp(app: INestApplication, config: AppConfig): void {
  (app.getHttpAdapter().getInstance() as Express).disable('x-powered-by');
  app.use(securityHeaders());
  app.enableCors(corsOptions(allowedOriginsOf(config)));
  boundRequestTimes(app.getHttpServer() as Server, config.httpLimits.requestTimeoutMs);
}
