import { Module } from '@nestjs/common';
import { SnapshotService } from './snapshot.service';

/** A scope's live figures, read from ClickHouse's aggregates: pushed by live, served over REST by scopes. */
@Module({ providers: [SnapshotService], exports: [SnapshotService] })
export class MetricsModule {}
