import type { ClickHouseClient } from '@clickhouse/client';
import {
  AlertHistoryRepository,
  AlertSignalsRepository,
  ReportStore,
  ScopeMetricsRepository,
  TicketStore,
  WorkflowKpiRepository,
} from '@grid-command/clickhouse';
import { openTicket, type TicketRules } from '@grid-command/domain';
import {
  AlertedReportMarks,
  AlertMuteStore,
  alertOutbox,
  AlertRecordStore,
  AlertReportSets,
  ConnectedScreens,
  PipelineRates,
  ReportDeadLetters,
  ReportLedger,
  SpikeWindowStore,
  ticketEventOutbox,
  TicketRecordStore,
  WallFleet,
} from '@grid-command/queue';
import type { Provider, Type } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ALERT_OUTBOX, CLICKHOUSE_CLIENT, REDIS_COMMANDS, TICKET_EVENT_OUTBOX, TICKET_RULES } from './tokens';

/** A store over the shared Redis command connection. */
function onRedis<T>(store: Type<T>): Provider {
  return { provide: store, useFactory: (redis: Redis) => new store(redis), inject: [REDIS_COMMANDS] };
}

/** A repository over the shared ClickHouse client. */
function onClickHouse<T>(repository: Type<T>): Provider {
  return { provide: repository, useFactory: (client: ClickHouseClient) => new repository(client), inject: [CLICKHOUSE_CLIENT] };
}

/** Every store of the process, each built once; capabilities inject them by class (or token, for the outboxes). */
export const STORE_PROVIDERS: Provider[] = [
  onRedis(ReportLedger),
  onRedis(ReportDeadLetters),
  onRedis(TicketRecordStore),
  onRedis(AlertRecordStore),
  onRedis(AlertReportSets),
  onRedis(AlertMuteStore),
  onRedis(SpikeWindowStore),
  onRedis(AlertedReportMarks),
  onRedis(PipelineRates),
  onRedis(ConnectedScreens),
  onRedis(WallFleet),
  { provide: TICKET_EVENT_OUTBOX, useFactory: ticketEventOutbox, inject: [REDIS_COMMANDS] },
  { provide: ALERT_OUTBOX, useFactory: alertOutbox, inject: [REDIS_COMMANDS] },
  {
    provide: ReportStore,
    useFactory: (client: ClickHouseClient, rules: TicketRules) => new ReportStore(client, (report) => openTicket(report, rules)),
    inject: [CLICKHOUSE_CLIENT, TICKET_RULES],
  },
  onClickHouse(TicketStore),
  onClickHouse(WorkflowKpiRepository),
  onClickHouse(ScopeMetricsRepository),
  onClickHouse(AlertHistoryRepository),
  onClickHouse(AlertSignalsRepository),
];

/** What the providers above provide, for the module's exports. */
export const STORE_TOKENS = STORE_PROVIDERS.map((provider) => ('provide' in provider ? provider.provide : provider));
