import { alertMuteRequestSchema, type AlertMute, type AlertRulesFile } from '@grid-command/contracts';
import { muteTouches, type ReferenceIndex } from '@grid-command/domain';
import { AlertMuteStore } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { resolveScope } from '../common/scope-resolver';
import { ALERT_RULES, REFERENCE_INDEX } from '../infrastructure/tokens';

const MINUTE_MS = 60_000;

/** Maintenance windows and known events: a rule, a scope, or a rule in a scope raises nothing for a while. */
@Injectable()
export class AlertMutesService {
  constructor(
    @Inject(ALERT_RULES) private readonly rules: AlertRulesFile,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly store: AlertMuteStore,
  ) {}

  async list(scopeParameter: string | undefined): Promise<{ mutes: AlertMute[] }> {
    const mutes = await this.store.current(Date.now());
    if (scopeParameter === undefined) return { mutes };
    const code = resolveScope(this.reference, scopeParameter, 'scope').code;
    return { mutes: mutes.filter((mute) => muteTouches(mute, code)) };
  }

  async add(body: unknown): Promise<AlertMute> {
    const parsed = alertMuteRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const request = parsed.data;
    if (request.ruleId !== undefined && !this.rules.rules.some((rule) => rule.id === request.ruleId)) {
      throw new AppError('invalid_body', `ruleId: no rule ${request.ruleId}; rules are ${this.rules.rules.map((rule) => rule.id).join(', ')}`, {
        issues: [{ index: 0, path: 'ruleId', message: 'unknown rule' }],
      });
    }
    if (request.scope !== undefined) resolveScope(this.reference, request.scope, 'scope');
    const now = new Date();
    const mute: AlertMute = {
      id: randomUUID(),
      ruleId: request.ruleId ?? null,
      scope: request.scope ?? null,
      from: now.toISOString(),
      until: new Date(now.getTime() + request.minutes * MINUTE_MS).toISOString(),
      reason: request.reason,
      by: request.by,
      createdAt: now.toISOString(),
      suppressed: 0,
    };
    await this.store.add(mute);
    return mute;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.store.remove(id))) throw new AppError('not_found', `no mute ${id}`);
  }
}
