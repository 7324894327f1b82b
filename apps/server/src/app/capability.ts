import type { Type } from '@nestjs/common';
import type { ProcessRole } from '../config/app-config.schema';

/**
 * What one capability folder contributes to each process role: a role it has no part in is left out. The app module
 * lists capabilities; which of their modules a process runs follows from ROLES.
 */
export type Capability = Readonly<Partial<Record<ProcessRole, Type>>>;

/** The modules of `capabilities` that the process's roles run, each once. */
export function modulesFor(roles: ReadonlySet<ProcessRole>, capabilities: readonly Capability[]): Type[] {
  return [...new Set(capabilities.flatMap((capability) => [...roles].flatMap((role) => capability[role] ?? [])))];
}
