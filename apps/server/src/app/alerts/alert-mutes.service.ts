import { alertMuteRequestSchema, normalisedUuidSchema, type AlertMute, type AlertRulesFile } from '@grid-command/contracts';
import { muteLimitRefusal, muteTouches, parseScope, type ReferenceIndex } from '@grid-command/domain';
import { AlertMuteStore } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { assertGrantsCoverAll, assertWithinGrants, type Principal } from '../common/access';
import { auditActorOf } from '../common/audit/audit-actor';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { resolveScope } from '../common/scope-resolver';
import { ALERT_RULES, REFERENCE_INDEX } from '../infrastructure/tokens';

const MINUTE_MS = 60_000;

/**
 * Maintenance windows and known events: a rule, a scope, or a rule in a scope raises nothing for a while. Who may
 * mute what is bounded twice: by the principal's grants (a mute with no scope reaches every district) and by the
 * limits of `muteLimitRefusal` (libs/domain), so no session can silence a district.
 */
@Injectable()
export class AlertMutesService {
  /** Mutes are added one at a time in this process, so concurrent requests cannot all pass the same count. */
  private adding: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(ALERT_RULES) private readonly rules: AlertRulesFile,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly store: AlertMuteStore,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  /** The mutes touching `scope`, or without one, those touching any of the principal's grants. */
  async list(scopeParameter: string | undefined, principal: Principal): Promise<{ mutes: AlertMute[] }> {
    const mutes = await this.store.current(Date.now());
    const codes = scopeParameter === undefined ? principal.scopes.map((grant) => parseScope(grant).code) : [resolveScope(this.reference, scopeParameter, 'scope').code];
    return { mutes: mutes.filter((mute) => codes.some((code) => muteTouches(mute, code))) };
  }

  add(body: unknown, principal: Principal, sourceIp: string): Promise<AlertMute> {
    const added = this.adding.then(() => this.addNow(body, principal, sourceIp));
    this.adding = added.catch(() => undefined);
    return added;
  }

  private async addNow(body: unknown, principal: Principal, sourceIp: string): Promise<AlertMute> {
    const parsed = alertMuteRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const request = parsed.data;
    if (request.ruleId !== undefined && !this.rules.rules.some((rule) => rule.id === request.ruleId)) {
      throw new AppError('invalid_body', `ruleId: no rule ${request.ruleId}; rules are ${this.rules.rules.map((rule) => rule.id).join(', ')}`, {
        issues: [{ index: 0, path: 'ruleId', message: 'unknown rule' }],
      });
    }
    if (request.scope !== undefined) resolveScope(this.reference, request.scope, 'scope');
    this.assertMayReach(request.scope ?? null, principal, 'a mute');
    const now = new Date();
    const refusal = muteLimitRefusal(
      { ruleId: request.ruleId ?? null, scope: request.scope ?? null },
      { name: principal.name, isAdmin: principal.roles.has('admin') },
      await this.store.current(now.getTime()),
      now.getTime(),
    );
    if (refusal?.kind === 'too_broad') throw new AppError('forbidden', refusal.message);
    if (refusal?.kind === 'limit_reached') throw new AppError('limit_reached', refusal.message, { retryAfterSeconds: refusal.retryAfterSeconds });
    const mute: AlertMute = {
      id: randomUUID(),
      ruleId: request.ruleId ?? null,
      scope: request.scope ?? null,
      from: now.toISOString(),
      until: new Date(now.getTime() + request.minutes * MINUTE_MS).toISOString(),
      reason: request.reason,
      by: principal.name,
      createdAt: now.toISOString(),
      suppressed: 0,
    };
    await this.store.add(mute);
    await this.audit.record({
      action: 'mute.create',
      actor: auditActorOf(principal),
      target: mute.id,
      outcome: 'success',
      sourceIp,
      detail: { scope: mute.scope, ruleId: mute.ruleId, minutes: request.minutes },
    });
    return mute;
  }

  /** 404 for a mute that does not exist; 403 for one outside the principal's grants (checked once it is found). */
  async remove(rawId: string, principal: Principal, sourceIp: string): Promise<void> {
    const id = parseMuteId(rawId);
    const mute = (await this.store.current(Date.now())).find((candidate) => candidate.id === id);
    if (!mute) throw new AppError('not_found', `no mute ${id}`);
    this.assertMayReach(mute.scope, principal, `mute ${id}`);
    if (!(await this.store.remove(id))) throw new AppError('not_found', `no mute ${id}`);
    await this.audit.record({ action: 'mute.delete', actor: auditActorOf(principal), target: id, outcome: 'success', sourceIp, detail: { scope: mute.scope, ruleId: mute.ruleId } });
  }

  /** A mute without a scope holds its rule back in every loaded district, so only grants covering them all reach it. */
  private assertMayReach(scope: string | null, principal: Principal, what: string): void {
    if (scope !== null) assertWithinGrants(principal, scope, 'scope');
    else assertGrantsCoverAll(principal, this.reference.districts().map((district) => district.scope), `${what} without a scope`);
  }
}

/** A mute's id in lower case, as it was created: the same id in upper case names the same mute. */
function parseMuteId(id: string): string {
  const parsed = normalisedUuidSchema.safeParse(id);
  if (!parsed.success) throw new AppError('invalid_parameter', `id: must be a mute's UUID, got ${JSON.stringify(id)}`);
  return parsed.data;
}
