import { ReportDeadLetters } from '@grid-command/queue';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PipelineMetrics } from '../common/telemetry';

/** `gridcommand_dead_letter_reports`: the dead-letter hash's length, read (HLEN) when scraped, at most every 2 s. */
@Injectable()
export class DeadLetterGauge implements OnModuleInit {
  constructor(
    private readonly deadLetters: ReportDeadLetters,
    private readonly metrics: PipelineMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.deadLetterReports.sampleFrom(() => this.deadLetters.count());
  }
}
