import { startBuiltServer, type ServerProcess } from '@grid-command/server-harness';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace';

export { freePort, stopServer, type ServerProcess } from '@grid-command/server-harness';

/** The built server, which also serves the built screen: both must exist. Its first admin gets `adminPassword`. */
export async function startServer(options: { port: number; dataDir: string; adminPassword: string; environment?: Readonly<Record<string, string>> }): Promise<ServerProcess> {
  if (!existsSync(join(WORKSPACE_ROOT, 'dist/apps/screen/browser/index.html'))) throw new Error('the screen is not built: run `npx nx run screen:build`');
  return startBuiltServer({ workspaceRoot: WORKSPACE_ROOT, dataDir: options.dataDir, port: options.port, environment: { ...options.environment, ADMIN_BOOTSTRAP_PASSWORD: options.adminPassword } });
}
