import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const NOT_THE_SCREEN = /^\/(api|health|socket\.io)(\/|$)/;

/** Serves the built big screen at `/`, with its index for any other path so screen URLs survive a reload. */
export function hostScreen(app: INestApplication, screenDir: string): void {
  const logger = new Logger('ScreenHosting');
  const index = join(screenDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`no built screen at ${screenDir}; run \`npx nx run screen:build\` (the API works without it)`);
    return;
  }
  const files = express.static(screenDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex });
  // The API's paths are never files of the screen: without this every API request cost a file-system lookup.
  app.use((request: Request, response: Response, next: NextFunction) => (NOT_THE_SCREEN.test(request.path) ? next() : files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || NOT_THE_SCREEN.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  logger.log(`serving the screen from ${screenDir}`);
}

function noCacheForIndex(response: Response, path: string): void {
  if (path.endsWith('index.html')) response.setHeader('Cache-Control', 'no-cache');
}
