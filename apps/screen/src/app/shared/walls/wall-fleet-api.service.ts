import { Injectable, inject } from '@angular/core';
import { wallCommandSentSchema, wallFleetSchema, type WallCommand, type WallCommandSent, type WallFleet } from '@grid-command/contracts';
import { ApiClient } from '../data/api-client.service';

/** The connected walls and the commands sent to one (operators: every wall; a duty officer: those of their scopes). */
@Injectable({ providedIn: 'root' })
export class WallFleetApi {
  private readonly api = inject(ApiClient);

  list(): Promise<WallFleet> {
    return this.api.get('/api/v1/ops/walls', wallFleetSchema);
  }

  send(wallId: string, command: WallCommand): Promise<WallCommandSent> {
    return this.api.post(`/api/v1/ops/walls/${encodeURIComponent(wallId)}/commands`, command, wallCommandSentSchema);
  }
}
