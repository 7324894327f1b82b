export { MetricsModule } from './metrics.module';
export { SnapshotService } from './snapshot.service';
