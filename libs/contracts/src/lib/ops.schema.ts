import { z } from 'zod';
import { PRINCIPAL_KINDS } from './identity.schema';

const instant = z.iso.datetime({ offset: true });

/** Reports per second over two windows: the last 10 s says what is happening now, the last minute smooths it. */
export const ratePairSchema = z.strictObject({
  last10s: z.number().nonnegative(),
  last60s: z.number().nonnegative(),
});
export type RatePair = z.infer<typeof ratePairSchema>;

/** One point of the trend: the mean rate of a 10-second bucket ending at `at`. */
export const opsTrendPointSchema = z.strictObject({
  at: instant,
  acceptedPerSecond: z.number().nonnegative(),
  storedPerSecond: z.number().nonnegative(),
});
export type OpsTrendPoint = z.infer<typeof opsTrendPointSchema>;

export const STORE_STATES = ['up', 'down'] as const;
export const storeStatusSchema = z.strictObject({
  state: z.enum(STORE_STATES),
  /** Why it is down, as the probe failed; null when up. */
  problem: z.string().nullable(),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;

/** A scope with the name a person reads: street · community · grid under the district, or its id when it is not known. */
export const namedScopeSchema = z.strictObject({
  scope: z.string(),
  name: z.string(),
});
export type NamedScope = z.infer<typeof namedScopeSchema>;

/** A socket open on `/live` in one of the live processes, as that process last registered it. */
export const connectedScreenSchema = z.strictObject({
  /** The display token's name or the username: who the screen belongs to. */
  name: z.string(),
  kind: z.enum(PRINCIPAL_KINDS),
  /** The scopes whose snapshots it receives; empty before its first subscribe. */
  scopes: z.array(namedScopeSchema),
  /** The scopes whose alerts it watches (a duty console). */
  alertScopes: z.array(namedScopeSchema),
  connectedAt: instant,
  /** The last snapshot pushed to any of its scopes; null when none has been pushed yet. */
  lastPushAt: instant.nullable(),
  /**
   * Seconds since the last push (or since it connected, before the first) at the overview's `at`; null for a socket
   * that receives no snapshots (it only watches alerts), which has nothing to be fresh about.
   */
  freshnessSeconds: z.number().nonnegative().nullable(),
  /** Not pushed to for longer than `screenStaleAfterSeconds`: its wall shows old figures. */
  stale: z.boolean(),
});
export type ConnectedScreen = z.infer<typeof connectedScreenSchema>;

/**
 * What `npm run bench` measured on this deployment: `reportsPerSecond` is the highest rate at which a throughput run
 * was both accepted and stored (its reports over the run plus the drain after it), the pipeline's sustainable pace;
 * `acceptedPerSecond` is the same run's intake alone, which only a short burst can sustain.
 */
export const measuredCapacitySchema = z.strictObject({
  status: z.literal('measured'),
  reportsPerSecond: z.number().positive(),
  acceptedPerSecond: z.number().positive(),
  reportsPerRequest: z.number().int().positive(),
  measuredAt: instant,
  /** The file it was read from, relative to the server's working directory (only its name when it lies outside). */
  source: z.string(),
});
export const unknownCapacitySchema = z.strictObject({
  status: z.literal('unknown'),
  /** Why there is no figure (no bench file, unreadable, no throughput run), for the operator. */
  reason: z.string(),
});
export const opsCapacitySchema = z.discriminatedUnion('status', [measuredCapacitySchema, unknownCapacitySchema]);
export type OpsCapacity = z.infer<typeof opsCapacitySchema>;

/** `GET /api/v1/ops/overview`: the pipeline's health across every process, from shared state. */
export const opsOverviewSchema = z.strictObject({
  at: instant,
  /** The deployment's APP_TIMEZONE, in which the page shows every time. */
  timeZone: z.string(),
  rates: z.strictObject({ accepted: ratePairSchema, stored: ratePairSchema }),
  /** The last few minutes, oldest first. */
  trend: z.array(opsTrendPointSchema),
  lag: z.strictObject({
    /** Age of the oldest batch waiting to be stored (waiting or delayed for a retry); 0 when none waits. */
    oldestWaitingSeconds: z.number().nonnegative(),
  }),
  queue: z.strictObject({
    waiting: z.number().int().nonnegative(),
    active: z.number().int().nonnegative(),
    delayed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  deadLetters: z.strictObject({ total: z.number().int().nonnegative() }),
  stores: z.strictObject({ redis: storeStatusSchema, clickhouse: storeStatusSchema }),
  screens: z.array(connectedScreenSchema),
  /** 10 s, or the live heartbeat and a registration round if longer: an idle wall is pushed a snapshot only that often. */
  screenStaleAfterSeconds: z.number().positive(),
  capacity: opsCapacitySchema,
  /** 1 − accepted per second over the last 10 s ÷ the measured capacity; below 0 when over it; null without a capacity. */
  headroom: z.number().nullable(),
});
export type OpsOverview = z.infer<typeof opsOverviewSchema>;
