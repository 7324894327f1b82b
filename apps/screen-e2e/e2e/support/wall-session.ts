import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newBootstrapPassword } from '@grid-command/server-harness';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { AdminApi } from './identity';
import { freePort, startServer, stopServer, type ServerProcess } from './server-process';

/** The district every test works in, and the scope of the keys and tokens it creates. */
export const DISTRICT = 'district:450103';

/** The server as a test set it up: its address, its first admin, and an ingest key for the district's reports. */
export interface ServerAccess {
  readonly baseUrl: string;
  readonly admin: AdminApi;
  /** The first admin's password, for a test that logs in as the admin through a page. */
  readonly adminPassword: string;
  readonly ingestKey: string;
}

/** The built server on a free port with its own data directory, and a 1920×1080 Chromium page. */
export interface WallSession extends ServerAccess {
  readonly page: Page;
  /** For more pages in contexts of their own (two officers, each with their own storage). */
  readonly browser: Browser;
  /** The kiosk address of a new display token for `scope`, as the admin hands it out, and the token's id. */
  displayLink(scope?: string): Promise<{ readonly id: string; readonly url: string }>;
  close(): Promise<void>;
}

export interface WallSessionOptions {
  /** Runs once the server is up, before the browser starts: users to create, reports to post. */
  readonly prepare?: (server: ServerAccess) => Promise<void>;
  /** Added to the server's environment (a short access-token life, say). */
  readonly environment?: Readonly<Record<string, string>>;
}

export async function startWallSession(dataDirPrefix: string, { prepare, environment }: WallSessionOptions = {}): Promise<WallSession> {
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const adminPassword = newBootstrapPassword();
    server = await startServer({ port: await freePort(), dataDir, adminPassword, environment });
    const admin = await AdminApi.logIn(server.baseUrl, adminPassword);
    const access: ServerAccess = { baseUrl: server.baseUrl, admin, adminPassword, ingestKey: await admin.createIngestKey('e2e 12345热线', DISTRICT) };
    await prepare?.(access);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    let walls = 0;
    const displayLink = async (scope = DISTRICT): Promise<{ id: string; url: string }> => {
      const created = await admin.createDisplayToken(`e2e 大屏-${++walls}`, scope);
      return { id: created.id, url: created.url };
    };
    return { ...access, page, browser, displayLink, close };
  } catch (error) {
    await close();
    throw error;
  }
}
