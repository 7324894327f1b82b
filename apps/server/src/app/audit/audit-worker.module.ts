import { Module } from '@nestjs/common';
import { AuditLogRelay } from './audit-log-relay.service';
import { AuditStoresModule } from './audit-stores.module';
import { AuditTrailModule } from './audit-trail.module';

/** The worker's side: the trail (for what the worker does by itself) and the relay into ClickHouse. */
@Module({ imports: [AuditTrailModule, AuditStoresModule], providers: [AuditLogRelay], exports: [AuditLogRelay] })
export class AuditWorkerModule {}
