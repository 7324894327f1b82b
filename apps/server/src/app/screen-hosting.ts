import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexWithTimeZone } from './screen-index';

const NOT_THE_SCREEN = /^\/(api|health|socket\.io)(\/|$)/;

/**
 * Serves the built big screen at `/`, with its index for any other path so screen URLs survive a reload. The index
 * carries the deployment's time zone, so a page knows it before it shows any time.
 */
export function hostScreen(app: INestApplication, screenDir: string, timeZone: string): void {
  const logger = new Logger('ScreenHosting');
  const index = join(screenDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`no built screen at ${screenDir}; run \`npx nx run screen:build\` (the API works without it)`);
    return;
  }
  const page = indexWithTimeZone(readFileSync(index, 'utf8'), timeZone);
  // The index is never served as the file on disk: that copy does not know the time zone.
  const files = express.static(screenDir, { index: false, maxAge: '1h' });
  // The API's paths are never files of the screen: without this every API request cost a file-system lookup.
  app.use((request: Request, response: Response, next: NextFunction) => (NOT_THE_SCREEN.test(request.path) || request.path === '/index.html' ? next() : files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || NOT_THE_SCREEN.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(page);
  });
  logger.log(`serving the screen from ${screenDir}`);
}
