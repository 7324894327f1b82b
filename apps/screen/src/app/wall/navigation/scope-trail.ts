import { SCOPE_CODE_LENGTH, SCOPE_LEVELS, type ScopeLevel } from '@grid-command/contracts';

/** The levels a wall can show; below a community the ranking and the map have nothing to split into. */
const WALL_LEVELS: readonly ScopeLevel[] = ['district', 'street', 'community'];

export interface ParsedScope {
  readonly level: ScopeLevel;
  readonly code: string;
}

/** `street:450103001` → its level and code; null for anything that is not a well-formed scope id. */
export function parseScope(scope: string): ParsedScope | null {
  const [level, code, extra] = scope.split(':');
  if (extra !== undefined || code === undefined || !(SCOPE_LEVELS as readonly string[]).includes(level ?? '')) return null;
  const typed = level as ScopeLevel;
  return /^\d+$/.test(code) && code.length === SCOPE_CODE_LENGTH[typed] ? { level: typed, code } : null;
}

/** The scope and every scope above it, district first: the code alone names each ancestor. */
export function scopeChain(scope: string): string[] {
  const parsed = parseScope(scope);
  if (parsed === null) return [];
  const depth = SCOPE_LEVELS.indexOf(parsed.level);
  return SCOPE_LEVELS.slice(0, depth + 1).map((level) => `${level}:${parsed.code.slice(0, SCOPE_CODE_LENGTH[level])}`);
}

/** The unit one level below `scope` that holds the grid `gridCode` (a click on the map); null when the wall cannot go lower or the grid lies elsewhere. */
export function drillTarget(scope: string, gridCode: string): string | null {
  const parsed = parseScope(scope);
  if (parsed === null || !/^\d{15}$/.test(gridCode) || !gridCode.startsWith(parsed.code)) return null;
  const next = WALL_LEVELS[WALL_LEVELS.indexOf(parsed.level) + 1];
  if (next === undefined || !WALL_LEVELS.includes(parsed.level)) return null;
  return `${next}:${gridCode.slice(0, SCOPE_CODE_LENGTH[next])}`;
}

/** Whether `target` is a unit directly below `scope` that a wall can show (what a ranking row links to). */
export function isDrillable(scope: string, target: string): boolean {
  const parsed = parseScope(target);
  return parsed !== null && drillTarget(scope, parsed.code.padEnd(15, '0')) === target;
}

export interface Crumb {
  readonly scope: string;
  readonly name: string;
  /** The scope on screen: shown, not linked. */
  readonly current: boolean;
}

/** `青秀区 › 新竹街道 › 竹溪社区`: each ancestor links back up; a name not known (yet) shows as its code. */
export function breadcrumb(scope: string, names: ReadonlyMap<string, string>): Crumb[] {
  const chain = scopeChain(scope);
  return chain.map((id, index) => ({ scope: id, name: names.get(id) ?? id.slice(id.indexOf(':') + 1), current: index === chain.length - 1 }));
}
