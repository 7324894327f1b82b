import { SCOPE_CODE_LENGTH, SCOPE_LEVELS, type ScopeLevel } from '@grid-command/contracts';

export interface Scope {
  readonly level: ScopeLevel;
  readonly code: string;
}

export class InvalidScopeError extends Error {
  constructor(readonly input: string, reason: string) {
    super(`invalid scope "${input}": ${reason}`);
    this.name = 'InvalidScopeError';
  }
}

const LEVEL_BY_LENGTH = new Map<number, ScopeLevel>(SCOPE_LEVELS.map((level) => [SCOPE_CODE_LENGTH[level], level]));

function isScopeLevel(value: string): value is ScopeLevel {
  return (SCOPE_LEVELS as readonly string[]).includes(value);
}

/** Parses `level:code`, checking that the code has the length of its level. */
export function parseScope(input: string): Scope {
  const separator = input.indexOf(':');
  if (separator < 0) throw new InvalidScopeError(input, 'expected level:code, e.g. district:450103');
  const level = input.slice(0, separator);
  const code = input.slice(separator + 1);
  if (!isScopeLevel(level)) throw new InvalidScopeError(input, `unknown level "${level}" (district, street, community or grid)`);
  if (!/^\d+$/.test(code) || code.length !== SCOPE_CODE_LENGTH[level]) {
    throw new InvalidScopeError(input, `a ${level} code has ${SCOPE_CODE_LENGTH[level]} digits`);
  }
  return { level, code };
}

export function formatScope(scope: Scope): string {
  return `${scope.level}:${scope.code}`;
}

/** The level a code of this many digits belongs to, or undefined. */
export function levelOfCode(code: string): ScopeLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_LENGTH.get(code.length) : undefined;
}

export function scopeOfCode(code: string): Scope {
  const level = levelOfCode(code);
  if (level === undefined) throw new InvalidScopeError(code, 'a code has 6, 9, 12 or 15 digits');
  return { level, code };
}

export function parentOf(scope: Scope): Scope | null {
  const index = SCOPE_LEVELS.indexOf(scope.level);
  const parentLevel = SCOPE_LEVELS[index - 1];
  if (parentLevel === undefined) return null;
  return { level: parentLevel, code: scope.code.slice(0, SCOPE_CODE_LENGTH[parentLevel]) };
}

export function childLevelOf(level: ScopeLevel): ScopeLevel | null {
  return SCOPE_LEVELS[SCOPE_LEVELS.indexOf(level) + 1] ?? null;
}

/** The scope itself and every ancestor, from the district down. */
export function lineageOf(scope: Scope): Scope[] {
  const lineage: Scope[] = [];
  for (let current: Scope | null = scope; current !== null; current = parentOf(current)) lineage.unshift(current);
  return lineage;
}

export function contains(ancestor: Scope, code: string): boolean {
  return code.length >= ancestor.code.length && code.startsWith(ancestor.code);
}
