import { scopeDetailSchema, scopeIdSchema, type ScopeDetail } from '@grid-command/contracts';
import { scopeChain } from './scope-ids';
import type { ApiClient } from '../data/api-client.service';

export interface ScopeLineage {
  readonly detail: ScopeDetail;
  /** Names of the scope and its ancestors. */
  readonly names: ReadonlyMap<string, string>;
}

/** The scope's details and the names of its ancestors, asked for at once (the code names every ancestor). */
export async function fetchScopeLineage(api: ApiClient, requested: string): Promise<ScopeLineage> {
  const scopeId = scopeIdSchema.safeParse(requested);
  if (!scopeId.success) throw new Error(`scope "${requested}": ${scopeId.error.issues[0]?.message ?? 'invalid'}`);
  // A checked scope id is URL-safe as it stands: letters, digits and one colon.
  const details = await Promise.all(scopeChain(scopeId.data).map((id) => api.get(`/api/v1/scopes/${id}`, scopeDetailSchema)));
  const detail = details.at(-1);
  if (detail === undefined) throw new Error(`scope "${requested}": invalid`);
  return { detail, names: new Map(details.map((item) => [item.scope, item.name])) };
}
