import { Module } from '@nestjs/common';
import { KpiService } from './kpi.service';
import { KpisController } from './kpis.controller';

@Module({ controllers: [KpisController], providers: [KpiService] })
export class KpisModule {}
