import { Global, Module } from '@nestjs/common';
import { AUDIT_TRAIL } from '../common/audit/audit-trail';
import { AuditStoresModule } from './audit-stores.module';
import { OutboxAuditTrail } from './outbox-audit-trail.service';

/** `AUDIT_TRAIL` for every capability of the process (identity, alerts, tickets…), without importing this one. */
@Global()
@Module({
  imports: [AuditStoresModule],
  providers: [{ provide: AUDIT_TRAIL, useClass: OutboxAuditTrail }],
  exports: [AUDIT_TRAIL],
})
export class AuditTrailModule {}
