import { lineageOf, scopeOfCode, type Scope } from './scope';

/** The full code of every level a grid belongs to; each is its parent's code plus a 3-digit field. */
export interface GridCodeParts {
  /** GB/T 2260 administrative division code, e.g. 450103 (Nanning Qingxiu). */
  readonly district: string;
  /** 9 digits. */
  readonly street: string;
  /** 12 digits. */
  readonly community: string;
  /** 15 digits. */
  readonly grid: string;
}

export class InvalidGridCodeError extends Error {
  constructor(readonly input: string) {
    super(`invalid grid code "${input}": expected 15 digits`);
    this.name = 'InvalidGridCodeError';
  }
}

/** `450103001002015` → district 450103, street 450103001, community 450103001002, grid 450103001002015. */
export function parseGridCode(code: string): GridCodeParts {
  if (!/^\d{15}$/.test(code)) throw new InvalidGridCodeError(code);
  return {
    district: code.slice(0, 6),
    street: code.slice(0, 9),
    community: code.slice(0, 12),
    grid: code,
  };
}

/** Every scope a report in this grid counts towards: district, street, community and the grid itself. */
export function scopesOfGrid(gridCode: string): Scope[] {
  parseGridCode(gridCode);
  return lineageOf(scopeOfCode(gridCode));
}

/** Builds a child code from its parent and the 3-digit field number (1..999). */
export function childCode(parentCode: string, field: number): string {
  if (!/^\d{6}(\d{3}){0,2}$/.test(parentCode)) throw new RangeError(`a parent code has 6, 9 or 12 digits, got "${parentCode}"`);
  if (!Number.isInteger(field) || field < 1 || field > 999) throw new RangeError(`field must be 1..999, got ${field}`);
  return `${parentCode}${String(field).padStart(3, '0')}`;
}
