import { Module } from '@nestjs/common';
import { ReportBatchProcessor } from './report-batch.processor';

@Module({ providers: [ReportBatchProcessor] })
export class PipelineModule {}
