import { scopeIdSchema, type LayoutProblem } from '@grid-command/contracts';
import { ApiRequestError } from '../../shared/data/api-request.error';

/**
 * Why a wall has nothing to show, in terms the wall can explain in its own language: never the server's English.
 * `retry` says whether trying again can help (a layout file can be added or fixed; an address stays wrong).
 */
export type WallProblem =
  | { readonly kind: 'layout-missing'; readonly layout: string }
  | { readonly kind: 'layout-invalid'; readonly layout: string; readonly problems: readonly LayoutProblem[] }
  | { readonly kind: 'scope-invalid'; readonly scope: string }
  | { readonly kind: 'scope-unknown'; readonly scope: string }
  | { readonly kind: 'scope-forbidden'; readonly scope: string }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'server'; readonly status: number | null };

export type WallProblemKind = WallProblem['kind'];

/** What the wall asked for when it failed: the layout's name and the scope it tried to show. */
export interface WallRequest {
  readonly layout: string;
  readonly scope: string | null;
}

const DASHBOARDS_PATH = '/api/v1/dashboards/';
const SCOPES_PATH = '/api/v1/scopes/';

/** The failure of a wall's load as a problem the wall can word. */
export function wallProblemOf(error: unknown, request: WallRequest): WallProblem {
  if (!(error instanceof ApiRequestError)) {
    // The one failure that is not a request: a scope in the address the screen itself finds malformed.
    const malformed = request.scope !== null && !scopeIdSchema.safeParse(request.scope).success;
    return malformed ? { kind: 'scope-invalid', scope: request.scope ?? '' } : { kind: 'server', status: null };
  }
  if (error.status === null) return { kind: 'unreachable' };
  if (error.path.startsWith(DASHBOARDS_PATH)) {
    if (error.status === 404) return { kind: 'layout-missing', layout: request.layout };
    const problems = error.body?.layoutProblems ?? [];
    if (error.status === 503 && problems.length > 0) return { kind: 'layout-invalid', layout: request.layout, problems };
  }
  if (error.path.startsWith(SCOPES_PATH)) {
    const scope = request.scope ?? decodeURIComponent(error.path.slice(SCOPES_PATH.length));
    if (error.status === 404) return { kind: 'scope-unknown', scope };
    if (error.status === 400) return { kind: 'scope-invalid', scope };
    if (error.status === 403) return { kind: 'scope-forbidden', scope };
  }
  return { kind: 'server', status: error.status };
}

const RETRYABLE: ReadonlySet<WallProblemKind> = new Set<WallProblemKind>(['layout-missing', 'layout-invalid', 'unreachable', 'server']);

/** Whether trying again can help: not for an address that names a scope wrongly or one the credential may not see. */
export function isRetryable(problem: WallProblem): boolean {
  return RETRYABLE.has(problem.kind);
}
