import { Module } from '@nestjs/common';
import { KpiService } from './kpi.service';

/** The KPI computation without its route: what live push imports to compute the figures it pushes. */
@Module({ providers: [KpiService], exports: [KpiService] })
export class KpiComputationModule {}
