import { lineageOf, scopeOfCode, type Scope } from './scope';

export interface GridCodeParts {
  /** GB/T 2260 administrative division code, e.g. 450103 (Nanning Qingxiu). */
  readonly district: string;
  readonly street: string;
  readonly community: string;
  readonly grid: string;
}

export class InvalidGridCodeError extends Error {
  constructor(readonly input: string) {
    super(`invalid grid code "${input}": expected 15 digits`);
    this.name = 'InvalidGridCodeError';
  }
}

/** Splits `450103001002015` into its district (6 digits) and the street, community and grid fields (3 each). */
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
  if (!Number.isInteger(field) || field < 1 || field > 999) throw new RangeError(`field must be 1..999, got ${field}`);
  return `${parentCode}${String(field).padStart(3, '0')}`;
}
