import { Injectable, inject } from '@angular/core';
import {
  alertActionResultSchema,
  alertDetailSchema,
  alertListSchema,
  alertMuteSchema,
  alertRulesFileSchema,
  ticketViewSchema,
  type AlertActionRequest,
  type AlertActionResult,
  type AlertDetail,
  type AlertList,
  type AlertMute,
  type AlertMuteRequest,
  type AlertRulesFile,
  type TicketView,
} from '@grid-command/contracts';
import { z } from 'zod';
import { ApiClient } from '../data/api-client.service';

const muteListSchema = z.strictObject({ mutes: z.array(alertMuteSchema) });

/** The alert endpoints of the REST API, each answer checked against the shared contract. */
@Injectable({ providedIn: 'root' })
export class AlertApi {
  private readonly api = inject(ApiClient);

  rules(): Promise<AlertRulesFile> {
    return this.api.get('/api/v1/alert-rules', alertRulesFileSchema);
  }

  /** `query` as `alertListQuery` builds it. */
  list(query: string): Promise<AlertList> {
    return this.api.get(`/api/v1/alerts?${query}`, alertListSchema);
  }

  detail(id: string): Promise<AlertDetail> {
    return this.api.get(`/api/v1/alerts/${encodeURIComponent(id)}`, alertDetailSchema);
  }

  /** Rejects with an `ApiRequestError` whose `body.alert` is the alert as it now stands on a 409. */
  act(id: string, request: AlertActionRequest): Promise<AlertActionResult> {
    return this.api.post(`/api/v1/alerts/${encodeURIComponent(id)}/actions`, request, alertActionResultSchema);
  }

  ticket(id: string): Promise<TicketView> {
    return this.api.get(`/api/v1/tickets/${encodeURIComponent(id)}`, ticketViewSchema);
  }

  async mutes(scope: string): Promise<AlertMute[]> {
    return (await this.api.get(`/api/v1/alert-mutes?scope=${encodeURIComponent(scope)}`, muteListSchema)).mutes;
  }

  mute(request: AlertMuteRequest): Promise<AlertMute> {
    return this.api.post('/api/v1/alert-mutes', request, alertMuteSchema);
  }

  unmute(id: string): Promise<void> {
    return this.api.delete(`/api/v1/alert-mutes/${encodeURIComponent(id)}`);
  }
}
