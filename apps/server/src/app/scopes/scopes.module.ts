import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics';
import { ScopesController } from './scopes.controller';

@Module({ imports: [MetricsModule], controllers: [ScopesController] })
export class ScopesModule {}
