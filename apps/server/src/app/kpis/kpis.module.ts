import { Module } from '@nestjs/common';
import { KpiComputationModule } from './kpi-computation.module';
import { KpisController } from './kpis.controller';

@Module({ imports: [KpiComputationModule], controllers: [KpisController] })
export class KpisModule {}
