import type { ScopeLevel } from '@grid-command/contracts';
import { childLevelOf, contains, formatScope, levelOfCode, lineageOf, scopeOfCode } from '@grid-command/domain';
import { tryParseScope } from '../../shared/scopes/scope-ids';

/** The levels a wall can show; below a community the ranking and the map have nothing to split into. */
const WALL_LEVELS: readonly ScopeLevel[] = ['district', 'street', 'community'];

/** The level a wall goes down to from `level`; null where it cannot go lower. */
function wallChildLevel(level: ScopeLevel): ScopeLevel | null {
  const child = childLevelOf(level);
  return child !== null && WALL_LEVELS.includes(child) ? child : null;
}

/** The unit one level below `scope` that holds the grid `gridCode` (a click on the map); null when the wall cannot go lower or the grid lies elsewhere. */
export function drillTarget(scope: string, gridCode: string): string | null {
  const parsed = tryParseScope(scope);
  const next = parsed === null ? null : wallChildLevel(parsed.level);
  if (parsed === null || next === null || levelOfCode(gridCode) !== 'grid' || !contains(parsed, gridCode)) return null;
  const unit = lineageOf(scopeOfCode(gridCode)).find((candidate) => candidate.level === next);
  return unit === undefined ? null : formatScope(unit);
}

/** Whether `target` is a unit directly below `scope` that a wall can show (what a ranking row links to). */
export function isDrillable(scope: string, target: string): boolean {
  const parsed = tryParseScope(scope);
  const child = tryParseScope(target);
  return parsed !== null && child !== null && wallChildLevel(parsed.level) === child.level && contains(parsed, child.code);
}

export interface Crumb {
  readonly scope: string;
  readonly name: string;
  /** The scope on screen: shown, not linked. */
  readonly current: boolean;
}

/** `青秀区 › 新竹街道 › 竹溪社区`: each ancestor links back up; a name not known (yet) shows as its code. */
export function breadcrumb(scope: string, names: ReadonlyMap<string, string>): Crumb[] {
  const parsed = tryParseScope(scope);
  const lineage = parsed === null ? [] : lineageOf(parsed);
  return lineage.map((unit, index) => {
    const id = formatScope(unit);
    return { scope: id, name: names.get(id) ?? unit.code, current: index === lineage.length - 1 };
  });
}
