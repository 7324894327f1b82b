import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../app/create-app';
import { loadAppConfig, type AppConfig } from '../config/app-config';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const DEMO_REFERENCE = join(WORKSPACE_ROOT, 'reference/demo-district.json');

/** Grid codes of the demo district, for building valid reports. */
export function demoGridCodes(): string[] {
  const file = JSON.parse(readFileSync(DEMO_REFERENCE, 'utf8')) as { features: Array<{ properties: { level: string; code: string } }> };
  return file.features.filter((feature) => feature.properties.level === 'grid').map((feature) => feature.properties.code);
}

export interface RunningServer {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The real server, composed exactly as `main` does, on a free port with its own redis-server and chdb directory. */
export async function startTestServer(dataDir: string, overrides: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    REFERENCE_FILE: DEMO_REFERENCE,
    DASHBOARD_DIR: join(WORKSPACE_ROOT, 'dashboards'),
    SLA_POLICY_FILE: join(WORKSPACE_ROOT, 'config/sla-policy.json'),
    WORK_CALENDAR_FILE: join(WORKSPACE_ROOT, 'config/work-calendar.json'),
    ALERT_RULES_FILE: join(WORKSPACE_ROOT, 'config/alert-rules.json'),
    SCREEN_DIR: join(dataDir, 'no-screen'),
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, config, baseUrl, close: () => app.close() };
}

export function tempDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'grid-command-server-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Polls `probe` every 50 ms until it returns a value, failing after `timeoutMs` with what was awaited. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One JSON request; answers the status and the parsed body (an empty body reads as {}). */
export async function callApi(server: RunningServer, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
