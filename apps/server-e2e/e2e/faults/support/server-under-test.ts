import { ingestKeyCreatedSchema, sessionTokensSchema } from '@grid-command/contracts';
import {
  BOOTSTRAP_ADMIN_USERNAME,
  freePort,
  hasExited,
  killEmbeddedRedis,
  newBootstrapPassword,
  requestJson,
  startBuiltServer,
  stopServer,
  type ServerProcess,
} from '@grid-command/server-harness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFaultHook, type FaultHook } from './fault-hook';
import { DISTRICT_SCOPE } from './report-feed';
import { WORKSPACE_ROOT } from './workspace';

/** What a scenario's clients hold: the first admin's access token and an ingest key of the district. */
export interface Credentials {
  readonly admin: string;
  readonly ingestKey: string;
}

/**
 * One data directory and port, on which the built server is started, killed and started again as a scenario
 * needs; the clients keep the same address throughout. `dispose` leaves no server or redis-server running.
 */
export class ServerUnderTest {
  private current: ServerProcess | undefined;
  private issued: Credentials | undefined;
  private lastOutput: () => string = () => '';
  readonly faultFile: string;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly password: string,
    private readonly environment: Readonly<Record<string, string>>,
  ) {
    this.faultFile = join(dataDir, 'fault-injection.json');
  }

  /** A fresh data directory with an empty fault hook; the server started on it and credentials issued. */
  static async start(name: string, environment: Readonly<Record<string, string>> = {}): Promise<ServerUnderTest> {
    const server = new ServerUnderTest(mkdtempSync(join(tmpdir(), `grid-command-fault-${name}-`)), await freePort(), newBootstrapPassword(), environment);
    writeFaultHook(server.faultFile, {});
    try {
      await server.restart();
      server.issued = await server.issueCredentials();
    } catch (error) {
      // The caller never gets this server to dispose of: leave no process or directory behind.
      await server.dispose();
      throw error;
    }
    return server;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get credentials(): Credentials {
    if (!this.issued) throw new Error('no credentials issued yet');
    return this.issued;
  }

  get process(): ServerProcess {
    if (!this.current) throw new Error('the server is not running');
    return this.current;
  }

  /** Starts the server on the same data and port (after a kill it adopts or restarts Redis and redelivers). */
  async restart(): Promise<void> {
    this.current = await startBuiltServer({
      workspaceRoot: WORKSPACE_ROOT,
      dataDir: this.dataDir,
      port: this.port,
      environment: { ADMIN_BOOTSTRAP_PASSWORD: this.password, FAULT_INJECTION_FILE: this.faultFile, ...this.environment },
    });
  }

  setFaults(hook: FaultHook): void {
    writeFaultHook(this.faultFile, hook);
  }

  /** Sends `signal` and waits until the process is gone; resolves with its exit code (null when killed). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const server = this.process;
    this.current = undefined;
    this.lastOutput = server.output;
    return stopServer(server, signal);
  }

  /** What the last stopped process printed, for the failure message of a stop that did not go as expected. */
  stoppedOutput(): string {
    return this.lastOutput();
  }

  /** Stops what still runs (a redis-server outlives a SIGKILLed server) and removes the data directory. */
  async dispose(): Promise<void> {
    if (this.current && !hasExited(this.current.child)) await this.stop('SIGKILL');
    await killEmbeddedRedis(this.dataDir);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Signs in as the first admin (a fresh access token) with `ADMIN_BOOTSTRAP_PASSWORD`. */
  private async signInAsAdmin(): Promise<string> {
    const session = sessionTokensSchema.parse(
      await requestJson(this.baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username: BOOTSTRAP_ADMIN_USERNAME, password: this.password } }),
    );
    return session.accessToken;
  }

  private async issueCredentials(): Promise<Credentials> {
    const admin = await this.signInAsAdmin();
    const key = ingestKeyCreatedSchema.parse(
      await requestJson(this.baseUrl, { method: 'POST', path: '/api/v1/ingest-keys', bearer: admin, body: { name: 'fault-injection feed', scope: DISTRICT_SCOPE } }),
    );
    return { admin, ingestKey: key.key };
  }
}
