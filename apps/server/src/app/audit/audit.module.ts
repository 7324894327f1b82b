import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';
import { AuditStoresModule } from './audit-stores.module';
import { AuditTrailModule } from './audit-trail.module';
import { AuditController } from './audit.controller';

/** The API's side of the audit log: the trail every capability records to, and the admins' read. */
@Module({ imports: [AuditTrailModule, AuditStoresModule], controllers: [AuditController], providers: [AuditLogService] })
export class AuditModule {}
