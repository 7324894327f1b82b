import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { freePort, startServer, stopServer, type ServerProcess } from './server-process';

/** The built server on a free port with its own data directory, and a 1920×1080 Chromium page. */
export interface WallSession {
  readonly baseUrl: string;
  readonly page: Page;
  /** For more pages in contexts of their own (two officers, each with their own storage). */
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startWallSession(dataDirPrefix: string, prepare?: (baseUrl: string) => Promise<void>): Promise<WallSession> {
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer({ port: await freePort(), dataDir });
    await prepare?.(server.baseUrl);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    return { baseUrl: server.baseUrl, page, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
