import { isValidTimeZone } from '@grid-command/domain';
import { z } from 'zod';

export const PROCESS_ROLES = ['api', 'worker', 'live'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: readonly string[]) =>
  z.url().refine((value) => protocols.includes(new URL(value).protocol), `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
/** `https://wall.example.gov.cn`: scheme, host and port, nothing else, as browsers send it in `Origin`. */
const origin = z.url().refine((value) => new URL(value).origin === value.replace(/\/$/, ''), 'must be an origin: scheme://host[:port], no path');
const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0));

/** Every environment variable the server reads, with its default. The README's configuration table mirrors it. */
export const appEnvironmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  REDIS_SERVER_BIN: z.string().min(1).default('redis-server'),
  // First wait before the embedded redis-server is restarted after a death; doubled for each further death in a row.
  REDIS_RESTART_DELAY_MS: positiveInt(10, 60_000).default(200),
  CLICKHOUSE_URL: url(['http:', 'https:']).optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  APP_TIMEZONE: z.string().default('Asia/Shanghai').refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
  REFERENCE_FILE: list.default(['reference/demo-district.json']).pipe(z.array(z.string()).min(1, 'must name at least one file')),
  SLA_POLICY_FILE: z.string().min(1).default('config/sla-policy.json'),
  WORK_CALENDAR_FILE: z.string().min(1).default('config/work-calendar.json'),
  ALERT_RULES_FILE: z.string().min(1).default('config/alert-rules.json'),
  DASHBOARD_DIR: z.string().min(1).default('dashboards'),
  SCREEN_DIR: z.string().min(1).default('dist/apps/screen/browser'),
  // What `npm run bench` measured on this deployment, for the operators' headroom (/ops); a missing file is said there.
  OPS_CAPACITY_FILE: z.string().min(1).default('bench-results/latest.json'),
  ROLES: list
    .default([...PROCESS_ROLES])
    .pipe(z.array(z.enum(PROCESS_ROLES, { error: `each role must be one of ${PROCESS_ROLES.join(', ')}` })).min(1)),
  LIVE_PUSH_INTERVAL_MS: positiveInt(100, 60_000).default(500),
  // A wall flags a silent link once a heartbeat is overdue: 2 s keeps that under 5 s, for one shared snapshot
  // computation per watched scope every 2 s.
  LIVE_HEARTBEAT_MS: positiveInt(1_000, 300_000).default(2_000),
  // Workflow KPIs are pushed when they change; at least this often all the same (recomputed), so a wall tells a silent
  // link from quiet figures. Each watched scope and period costs one KPI computation per heartbeat when nothing moves.
  LIVE_KPI_HEARTBEAT_MS: positiveInt(5_000, 600_000).default(30_000),
  INGEST_FLUSH_MS: positiveInt(0, 1_000).default(5),
  INGEST_MAX_BODY_BYTES: positiveInt(1_024, 64 * 1024 * 1024).default(4 * 1024 * 1024),
  INGEST_MAX_CLOCK_SKEW_SECONDS: positiveInt(0, 86_400).default(300),
  // A year of 同比 history plus a month's backfill; at most ten years, which from 2026 on stays after 2000, where the
  // instants every request may name begin.
  INGEST_MAX_REPORT_AGE_DAYS: positiveInt(1, 3_650).default(400),
  // Counted in queued jobs (one per group commit, 1..1000 reports each), which BullMQ counts without reading them.
  // A campaign at the bench's rates queues a few hundred jobs a second that the worker drains as they come; 20,000
  // waiting jobs is minutes of backlog. 0 turns the bound off.
  INGEST_MAX_QUEUE_DEPTH: positiveInt(0, 10_000_000).default(20_000),
  INGEST_MAX_QUEUE_AGE_SECONDS: positiveInt(0, 86_400).default(60),
  WORKER_CONCURRENCY: positiveInt(1, 64).default(2),
  ALLOWED_ORIGINS: list.default([]).pipe(z.array(origin)),
  LIVE_MAX_SOCKETS_PER_PRINCIPAL: positiveInt(1, 10_000).default(20),
  LIVE_MAX_EVENTS_PER_SECOND: positiveInt(1, 1_000).default(20),
  // A wall reloads itself in the quiet hours once its heap passes WALL_HEAP_LIMIT_MB or grows faster than
  // WALL_HEAP_GROWTH_MB_PER_HOUR, or its frame rate stays under WALL_MIN_FPS (0: never); at once past the hard bound.
  WALL_HEAP_LIMIT_MB: positiveInt(16, 65_536).default(512),
  WALL_HEAP_HARD_LIMIT_MB: positiveInt(16, 65_536).default(1_024),
  WALL_HEAP_GROWTH_MB_PER_HOUR: positiveInt(1, 65_536).default(64),
  WALL_MIN_FPS: positiveInt(0, 240).default(5),
  // HH:MM-HH:MM in APP_TIMEZONE; an end before the start spans midnight.
  WALL_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM-HH:MM in APP_TIMEZONE, e.g. 03:00-05:00')
    .refine((value) => value.slice(0, 5) !== value.slice(6), 'must not start and end at the same minute')
    .default('03:00-05:00'),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(1_000, 600_000).default(30_000),
  HTTP_MAX_BODY_BYTES: positiveInt(1_024, 16 * 1024 * 1024).default(64 * 1024),
  RATE_LIMIT_INGEST_KEY_PER_SECOND: positiveInt(1, 1_000_000).default(2_000),
  RATE_LIMIT_PRINCIPAL_PER_SECOND: positiveInt(1, 1_000_000).default(50),
  RATE_LIMIT_FAILED_AUTH_PER_MINUTE: positiveInt(1, 1_000_000).default(60),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  ADMIN_BOOTSTRAP_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_ACCESS_TOKEN_SECONDS: positiveInt(1, 86_400).default(900),
  AUTH_REFRESH_TOKEN_DAYS: positiveInt(1, 365).default(7),
  // Prometheus' bearer credential for GET /metrics, besides an operator's or admin's access token; unset or empty
  // (docker compose passes an unset variable as ''): only those.
  METRICS_SCRAPE_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .min(32, 'must be at least 32 characters')
      .max(2048)
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces: it is sent as Authorization: Bearer <token>')
      .optional(),
  ),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  // A test hook: the JSON file of faults the ClickHouse client plays (libs/clickhouse fault-injection.ts). Never set
  // in production; the server warns at start when it is.
  FAULT_INJECTION_FILE: z.string().min(1).optional(),
});
export type AppEnvironment = z.infer<typeof appEnvironmentSchema>;
