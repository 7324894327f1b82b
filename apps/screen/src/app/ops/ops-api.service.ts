import { Injectable, inject } from '@angular/core';
import { deadLetterListSchema, deadLetterReplayedSchema, opsOverviewSchema, type DeadLetterList, type DeadLetterReplayed, type OpsOverview, type Report } from '@grid-command/contracts';
import { ApiClient } from '../shared/data/api-client.service';

/** The dead letters one page shows, oldest parked first: enough to work through, small enough to poll. */
const DEAD_LETTERS_SHOWN = 50;

/** The operators' endpoints: the pipeline overview, and the dead letters with their replay. */
@Injectable({ providedIn: 'root' })
export class OpsApi {
  private readonly api = inject(ApiClient);

  overview(): Promise<OpsOverview> {
    return this.api.get('/api/v1/ops/overview', opsOverviewSchema);
  }

  deadLetters(): Promise<DeadLetterList> {
    return this.api.get(`/api/v1/ops/dead-letters?limit=${DEAD_LETTERS_SHOWN}`, deadLetterListSchema);
  }

  /** Replays the report as queued, or `corrected` in its place; the server validates it and names a bad field. */
  replay(id: string, corrected?: Report | unknown): Promise<DeadLetterReplayed> {
    return this.api.post(`/api/v1/ops/dead-letters/${encodeURIComponent(id)}/replay`, corrected === undefined ? {} : { report: corrected }, deadLetterReplayedSchema);
  }
}
