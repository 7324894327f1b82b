import { Module } from '@nestjs/common';
import { AlertEvaluationModule } from '../alerts/alert-evaluation.module';
import { ReportBatchProcessor } from './report-batch.processor';

@Module({ imports: [AlertEvaluationModule], providers: [ReportBatchProcessor] })
export class PipelineModule {}
