import type { IngestAccepted, Report } from '@grid-command/contracts';
import { validateReportBatch, type ReferenceIndex } from '@grid-command/domain';
import { ReportIntake } from '@grid-command/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CriticalAlerts } from '../alerts';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';

@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly intake: ReportIntake,
    private readonly critical: CriticalAlerts,
  ) {}

  /** Validates the whole body, then queues its reports durably; nothing is queued from an invalid body. */
  async ingest(body: unknown): Promise<IngestAccepted> {
    const validation = validateReportBatch(body, {
      now: new Date(),
      maxClockSkewMs: this.config.ingest.maxClockSkewMs,
      maxReportAgeMs: this.config.ingest.maxReportAgeMs,
      isKnownGrid: (code) => this.reference.hasGrid(code),
    });
    switch (validation.kind) {
      case 'invalid':
        throw new AppError('invalid_body', describe(validation.issues), { issues: validation.issues });
      case 'unknown_grid':
        throw new AppError('unknown_grid', describe(validation.issues), { issues: validation.issues });
      case 'valid': {
        const accepted = await this.intake.submit(validation.reports);
        this.raiseCriticalAlerts(validation.reports);
        return accepted;
      }
    }
  }

  /**
   * Once the reports are durably queued, their critical alerts are raised at once rather than after the worker
   * stores them, which a campaign's backlog can delay by minutes. Not awaited: the 202 does not wait on alerting,
   * and if this fails the worker raises the alert after storing the report.
   */
  private raiseCriticalAlerts(reports: readonly Report[]): void {
    const now = new Date();
    this.critical.raise(reports, now).catch((error: Error) => {
      this.logger.warn(`critical alerts wait for the worker: ${error.message}`);
    });
  }
}

function describe(issues: ReadonlyArray<{ index: number; path: string; message: string }>): string {
  const [first] = issues;
  if (!first) return 'invalid body';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `report ${first.index}${first.path ? ` ${first.path}` : ''}: ${first.message}${more}`;
}
