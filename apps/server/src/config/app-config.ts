import type { ClickHouseTarget } from '@grid-command/clickhouse';
import { formatIssuePath } from '@grid-command/contracts';
import { resolve } from 'node:path';
import { appEnvironmentSchema, type ProcessRole } from './app-config.schema';

export interface AppConfig {
  readonly http: { readonly host: string; readonly port: number };
  readonly dataDir: string;
  readonly redis: { readonly url: string } | { readonly embedded: { readonly directory: string; readonly binary: string; readonly restartDelayMs: number } };
  readonly clickhouse: ClickHouseTarget;
  readonly timeZone: string;
  readonly referenceFiles: readonly string[];
  readonly tickets: { readonly slaPolicyFile: string; readonly workCalendarFile: string };
  readonly alerts: { readonly rulesFile: string };
  readonly dashboardDir: string;
  readonly screenDir: string;
  /** The bench result whose measured throughput the operators' overview compares the current rate with. */
  readonly ops: { readonly capacityFile: string };
  readonly roles: ReadonlySet<ProcessRole>;
  readonly live: {
    readonly pushIntervalMs: number;
    readonly heartbeatMs: number;
    readonly kpiHeartbeatMs: number;
    readonly maxSocketsPerPrincipal: number;
    readonly maxEventsPerSecond: number;
  };
  /** Origins besides the server's own whose pages may call the API and open `/live` (CORS, socket handshake). */
  readonly allowedOrigins: readonly string[];
  /** The bounds walls heal themselves by (sent to each wall in the acknowledgement of its health report). */
  readonly walls: {
    readonly heapLimitMb: number;
    readonly heapHardLimitMb: number;
    readonly heapGrowthMbPerHour: number;
    readonly minFps: number;
    readonly quietHours: { readonly start: string; readonly end: string };
  };
  readonly httpLimits: { readonly requestTimeoutMs: number; readonly maxBodyBytes: number };
  readonly rateLimits: { readonly ingestKeyPerSecond: number; readonly principalPerSecond: number; readonly failedAuthPerMinute: number };
  readonly ingest: { readonly flushAfterMs: number; readonly maxGroupReports: number; readonly maxBodyBytes: number; readonly maxClockSkewMs: number; readonly maxReportAgeMs: number };
  /** Bounds of the report queue beyond which ingest answers 503 `overloaded`; null: that bound is off. */
  readonly backpressure: { readonly maxQueueDepth: number | null; readonly maxQueueAgeMs: number | null };
  readonly worker: { readonly concurrency: number };
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  readonly auth: {
    /** Creates the user `admin` on a first start when set and no admin exists. */
    readonly bootstrapAdminPassword: string | null;
    /** Signs access tokens; null: a secret generated once and kept in Redis. */
    readonly tokenSecret: string | null;
    readonly accessTokenSeconds: number;
    readonly refreshTokenDays: number;
  };
  /** What Prometheus presents on GET /metrics (besides an operator's token); null: operators and admins only. */
  readonly metrics: { readonly scrapeToken: string | null };
  /** Where people reach the server, for the kiosk links of display tokens; null: `http://HOST:PORT`. */
  readonly publicUrl: string | null;
  /** A test hook: the file of faults the ClickHouse client plays; null (always in production): none. */
  readonly faultInjectionFile: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once, reporting every bad variable at the same time. */
export function loadAppConfig(environment: NodeJS.ProcessEnv): AppConfig {
  const parsed = appEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = formatIssuePath(issue.path).replace(/\[\d+\]$/, '');
        return `${variable}=${shownValue(variable, environment[variable] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  const roles = new Set(env.ROLES);
  if (!env.CLICKHOUSE_URL && roles.size < 3) {
    throw new ConfigError([`ROLES=${env.ROLES.join(',')}: split roles need CLICKHOUSE_URL, because embedded ClickHouse belongs to one process`]);
  }
  if (env.WALL_HEAP_HARD_LIMIT_MB <= env.WALL_HEAP_LIMIT_MB) {
    throw new ConfigError([`WALL_HEAP_HARD_LIMIT_MB=${env.WALL_HEAP_HARD_LIMIT_MB}: must be above WALL_HEAP_LIMIT_MB (${env.WALL_HEAP_LIMIT_MB})`]);
  }
  return {
    http: { host: env.HOST, port: env.PORT },
    dataDir,
    redis: env.REDIS_URL ? { url: env.REDIS_URL } : { embedded: { directory: resolve(dataDir, 'redis'), binary: env.REDIS_SERVER_BIN, restartDelayMs: env.REDIS_RESTART_DELAY_MS } },
    clickhouse: env.CLICKHOUSE_URL
      ? { kind: 'server', url: env.CLICKHOUSE_URL, username: env.CLICKHOUSE_USER, password: env.CLICKHOUSE_PASSWORD }
      : { kind: 'embedded', path: resolve(dataDir, 'clickhouse') },
    timeZone: env.APP_TIMEZONE,
    referenceFiles: env.REFERENCE_FILE.map((file) => resolve(file)),
    tickets: { slaPolicyFile: resolve(env.SLA_POLICY_FILE), workCalendarFile: resolve(env.WORK_CALENDAR_FILE) },
    alerts: { rulesFile: resolve(env.ALERT_RULES_FILE) },
    dashboardDir: resolve(env.DASHBOARD_DIR),
    screenDir: resolve(env.SCREEN_DIR),
    ops: { capacityFile: resolve(env.OPS_CAPACITY_FILE) },
    roles,
    live: {
      pushIntervalMs: env.LIVE_PUSH_INTERVAL_MS,
      heartbeatMs: env.LIVE_HEARTBEAT_MS,
      kpiHeartbeatMs: env.LIVE_KPI_HEARTBEAT_MS,
      maxSocketsPerPrincipal: env.LIVE_MAX_SOCKETS_PER_PRINCIPAL,
      maxEventsPerSecond: env.LIVE_MAX_EVENTS_PER_SECOND,
    },
    allowedOrigins: env.ALLOWED_ORIGINS.map((value) => new URL(value).origin),
    walls: {
      heapLimitMb: env.WALL_HEAP_LIMIT_MB,
      heapHardLimitMb: env.WALL_HEAP_HARD_LIMIT_MB,
      heapGrowthMbPerHour: env.WALL_HEAP_GROWTH_MB_PER_HOUR,
      minFps: env.WALL_MIN_FPS,
      quietHours: { start: env.WALL_QUIET_HOURS.slice(0, 5), end: env.WALL_QUIET_HOURS.slice(6) },
    },
    httpLimits: { requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS, maxBodyBytes: env.HTTP_MAX_BODY_BYTES },
    rateLimits: {
      ingestKeyPerSecond: env.RATE_LIMIT_INGEST_KEY_PER_SECOND,
      principalPerSecond: env.RATE_LIMIT_PRINCIPAL_PER_SECOND,
      failedAuthPerMinute: env.RATE_LIMIT_FAILED_AUTH_PER_MINUTE,
    },
    ingest: {
      flushAfterMs: env.INGEST_FLUSH_MS,
      maxGroupReports: 1000,
      maxBodyBytes: env.INGEST_MAX_BODY_BYTES,
      maxClockSkewMs: env.INGEST_MAX_CLOCK_SKEW_SECONDS * 1000,
      maxReportAgeMs: env.INGEST_MAX_REPORT_AGE_DAYS * 86_400_000,
    },
    backpressure: {
      maxQueueDepth: env.INGEST_MAX_QUEUE_DEPTH === 0 ? null : env.INGEST_MAX_QUEUE_DEPTH,
      maxQueueAgeMs: env.INGEST_MAX_QUEUE_AGE_SECONDS === 0 ? null : env.INGEST_MAX_QUEUE_AGE_SECONDS * 1000,
    },
    worker: { concurrency: env.WORKER_CONCURRENCY },
    logLevel: env.LOG_LEVEL,
    auth: {
      bootstrapAdminPassword: env.ADMIN_BOOTSTRAP_PASSWORD ?? null,
      tokenSecret: env.AUTH_TOKEN_SECRET ?? null,
      accessTokenSeconds: env.AUTH_ACCESS_TOKEN_SECONDS,
      refreshTokenDays: env.AUTH_REFRESH_TOKEN_DAYS,
    },
    metrics: { scrapeToken: env.METRICS_SCRAPE_TOKEN ?? null },
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    faultInjectionFile: env.FAULT_INJECTION_FILE ? resolve(env.FAULT_INJECTION_FILE) : null,
  };
}

/** Variables whose value is a secret: a bad one is named, never echoed, since the message goes to the log. */
const SECRET_VARIABLE = /PASSWORD|SECRET|TOKEN|KEY/;

/** A bad value as the start-up message shows it: secrets hidden, and the user and password of a URL too. */
function shownValue(variable: string, value: string): string {
  if (SECRET_VARIABLE.test(variable)) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@'));
}
