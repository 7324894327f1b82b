import { childLevelOf, contains, formatScope, levelOfCode, lineageOf, scopeOfCode } from '@grid-command/domain';
import { tryParseScope } from '../../shared/scopes/scope-ids';

/**
 * The unit one level below `scope` that holds the grid `gridCode` (a click on the map): the street on a district,
 * the community on a street, the grid itself on a community; null on a grid (the bottom) or for a grid elsewhere.
 */
export function drillTarget(scope: string, gridCode: string): string | null {
  const parsed = tryParseScope(scope);
  const next = parsed === null ? null : childLevelOf(parsed.level);
  if (parsed === null || next === null || levelOfCode(gridCode) !== 'grid' || !contains(parsed, gridCode)) return null;
  const unit = lineageOf(scopeOfCode(gridCode)).find((candidate) => candidate.level === next);
  return unit === undefined ? null : formatScope(unit);
}

/** Whether `target` is a unit directly below `scope` (what a ranking row links to); nothing is below a grid. */
export function isDrillable(scope: string, target: string): boolean {
  const parsed = tryParseScope(scope);
  const child = tryParseScope(target);
  return parsed !== null && child !== null && childLevelOf(parsed.level) === child.level && contains(parsed, child.code);
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
