import { SCOPE_LEVELS, type ScopeDetail, type ScopeFeatureCollection, type ScopeLevel, type ScopeSummary, type Snapshot } from '@grid-command/contracts';
import type { ReferenceIndex } from '@grid-command/domain';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { parseReplayInstant } from '../common/replay-instant';
import { resolveScope } from '../common/scope-resolver';
import { REFERENCE_INDEX } from '../infrastructure/tokens';
import { SnapshotService } from '../metrics';

@Controller('api/v1')
export class ScopesController {
  constructor(
    @Inject(REFERENCE_INDEX) private readonly reference: ReferenceIndex,
    private readonly snapshots: SnapshotService,
  ) {}

  @Get('scopes')
  districts(): { districts: ScopeSummary[] } {
    return { districts: this.reference.districts() };
  }

  @Get('scopes/:scope')
  scope(@Param('scope') scope: string): ScopeDetail {
    const summary = resolveScope(this.reference, scope, 'scope');
    const detail = this.reference.detail({ level: summary.level, code: summary.code });
    if (!detail) throw new AppError('not_found', `scope ${scope} is not loaded`);
    return detail;
  }

  /** The scope's children as GeoJSON; `?level=grid` gives every grid under it instead (for the wall's map). */
  @Get('geo/:scope')
  geo(@Param('scope') scope: string, @Query('level') level?: string): ScopeFeatureCollection {
    const summary = resolveScope(this.reference, scope, 'scope');
    if (level !== undefined && !(SCOPE_LEVELS as readonly string[]).includes(level)) {
      throw new AppError('invalid_parameter', `level must be one of ${SCOPE_LEVELS.join(', ')}`);
    }
    return this.reference.geometry({ level: summary.level, code: summary.code }, level === undefined ? undefined : (level as ScopeLevel));
  }

  /** `?scope=…[&at=ISO]`: with `at`, the snapshot as it stood at that moment (a replay). */
  @Get('snapshot')
  snapshot(@Query('scope') scope: unknown, @Query('at') at: unknown): Promise<Snapshot> {
    const summary = resolveScope(this.reference, scope, 'scope');
    const instant = parseReplayInstant(at);
    return instant === null ? this.snapshots.snapshot(summary) : this.snapshots.snapshotAt(summary, instant);
  }
}
