import { wallCommandSchema, wallIdSchema, type FleetWall, type WallCommandSent, type WallFleet as WallFleetView } from '@grid-command/contracts';
import { isWithinGrants, type ReferenceIndex } from '@grid-command/domain';
import { WALL_REPORT_EVERY_MS, WallFleet, type WallEntry } from '@grid-command/queue';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import type { Principal } from '../common/access';
import { auditActorOf } from '../common/audit/audit-actor';
import { AUDIT_TRAIL, type AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { APP_CONFIG, REFERENCE_INDEX } from '../infrastructure/tokens';
import { namedScopeOf } from './scope-names';

/** Two and a half report intervals without a report: the wall is frozen, asleep or cut off. */
export const WALL_STALE_AFTER_SECONDS = (WALL_REPORT_EVERY_MS * 2.5) / 1000;

/**
 * The walls connected to the deployment and the commands sent to them. Operators (and admins) see and command every
 * wall; a duty officer without the operator role only the walls showing a scope within their grants, and only to
 * switch, pause or resume them (a reload is an operator's remedy for a sick page). Every command is audited.
 */
@Injectable()
export class WallFleetService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    private readonly fleet: WallFleet,
  ) {}

  async list(principal: Principal): Promise<WallFleetView> {
    const now = new Date();
    const walls = (await this.fleet.list(now)).filter((entry) => mayCommand(principal, entry));
    return {
      at: now.toISOString(),
      timeZone: this.config.timeZone,
      staleAfterSeconds: WALL_STALE_AFTER_SECONDS,
      walls: walls.map((entry) => this.view(entry, now)).sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'zh-CN') || a.health.wallId.localeCompare(b.health.wallId)),
    };
  }

  async command(id: string, body: unknown, principal: Principal, sourceIp: string): Promise<WallCommandSent> {
    const wallId = wallIdSchema.safeParse(id);
    if (!wallId.success) throw new AppError('invalid_parameter', `id: ${wallId.error.issues[0]?.message ?? 'invalid'}`);
    const command = wallCommandSchema.safeParse(body);
    if (!command.success) throw invalidInput(command.error, 'invalid_body', 'body');
    const entry = await this.fleet.get(wallId.data);
    if (entry === null || !mayCommand(principal, entry)) throw new AppError('not_found', `no wall ${wallId.data} is connected${isOperator(principal) ? '' : ' in your scopes'}`);
    if (command.data.kind === 'reload' && !isOperator(principal)) throw new AppError('forbidden', 'a reload is for operators; a duty officer may switch, pause or resume a wall');
    if (command.data.kind === 'show' && command.data.scope !== undefined && !isOperator(principal) && !isWithinGrants(principal.scopes, command.data.scope)) {
      throw new AppError('forbidden', `scope: ${command.data.scope} is outside the scopes granted to ${principal.name}`);
    }
    await this.fleet.sendCommand({ wallId: wallId.data, command: command.data });
    await this.audit.record({ action: 'wall.command', actor: auditActorOf(principal), target: wallId.data, outcome: 'success', sourceIp, detail: { ...command.data, wallOwner: entry.owner } });
    return { wallId: wallId.data, command: command.data };
  }

  private view(entry: WallEntry, now: Date): FleetWall {
    return {
      health: entry.health,
      owner: entry.owner,
      ownerKind: entry.ownerKind,
      scope: namedScopeOf(this.reference, entry.health.scope),
      reportedAt: new Date(entry.reportedAt).toISOString(),
      stale: now.getTime() - entry.reportedAt > WALL_STALE_AFTER_SECONDS * 1000,
    };
  }
}

function isOperator(principal: Principal): boolean {
  return principal.roles.has('operator') || principal.roles.has('admin');
}

/** Operators: every wall; anyone else (a duty officer): a wall showing a scope within their grants. */
function mayCommand(principal: Principal, entry: WallEntry): boolean {
  return isOperator(principal) || isWithinGrants(principal.scopes, entry.health.scope);
}

function labelOf(wall: FleetWall): string {
  return wall.health.label ?? wall.owner;
}
