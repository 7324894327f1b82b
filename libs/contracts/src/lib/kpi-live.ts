import { kpiQuerySchema, type KpiQuery } from './kpi.schema';

/**
 * `watchKpis` / `unwatchKpis` on `/live`: the same parameters as `GET /api/v1/kpis` (scope, period, and for a custom
 * period from and to). A watcher gets the scope's `kpis` at once, again whenever they change, and at least every
 * `heartbeatMs` of the acknowledgement even when nothing did.
 */
export const kpiWatchRequestSchema = kpiQuerySchema;
export type KpiWatchRequest = KpiQuery;

const KPI_ROOM_PREFIX = 'kpis@';

/** The socket.io room of everyone watching one scope's KPIs over one period: one computation serves them all. */
export function kpiRoomOf(request: KpiWatchRequest): string {
  const days = request.period === 'custom' ? `@${request.from ?? ''}@${request.to ?? ''}` : '';
  return `${KPI_ROOM_PREFIX}${request.scope}@${request.period}${days}`;
}

export function isKpiRoom(room: string): boolean {
  return room.startsWith(KPI_ROOM_PREFIX);
}

/** The request a KPI room stands for (the inverse of `kpiRoomOf`); null for any other room. */
export function kpiRequestOfRoom(room: string): KpiWatchRequest | null {
  if (!isKpiRoom(room)) return null;
  const [scope, period, from, to] = room.slice(KPI_ROOM_PREFIX.length).split('@');
  const parsed = kpiWatchRequestSchema.safeParse(period === 'custom' ? { scope, period, from, to } : { scope, period });
  return parsed.success ? parsed.data : null;
}
