import { DOCUMENT, DestroyRef, ErrorHandler, Injectable, inject, signal } from '@angular/core';
import { servedDashboardSchema, type LayoutChange, type ScopeDetail, type ServedDashboard } from '@grid-command/contracts';
import { isWithinGrants } from '@grid-command/domain';
import { SessionService } from '../../shared/auth/session.service';
import { WALL_PARAMS } from '../../shared/config/wall-params.token';
import { parseWallParams, withScope } from '../../shared/config/wall-params';
import { WallClock } from '../../shared/time/wall-clock.service';
import { ApiClient } from '../../shared/data/api-client.service';
import { backoffDelay } from '../../shared/data/backoff';
import { fetchScopeLineage, type ScopeLineage } from '../../shared/scopes/scope-lineage';
import { isRetryable, wallProblemOf, type WallProblem } from '../problems/wall-problem';
import { LayoutChangeFeed } from './layout-change-feed';

export type WallState =
  | { readonly status: 'loading' }
  /** `retryAtMs` null: trying again by itself cannot help (the address is wrong); a click still tries. */
  | { readonly status: 'error'; readonly problem: WallProblem; readonly retryAtMs: number | null }
  | {
      readonly status: 'ready';
      /** With its name, revision and any notice of a bad edit to its file. */
      readonly dashboard: ServedDashboard;
      readonly scope: ScopeDetail;
      /** Names of the scope and its ancestors, for the breadcrumb. */
      readonly names: ReadonlyMap<string, string>;
    };

type Ready = Extract<WallState, { status: 'ready' }>;

/**
 * Loads the wall's layout and scope, and keeps retrying with back-off until both arrive. A drill-down moves
 * the wall to another scope in place (the address follows, so a reload or the browser's back button works).
 */
@Injectable()
export class WallLoader {
  private readonly api = inject(ApiClient);
  private readonly clock = inject(WallClock);
  private readonly errors = inject(ErrorHandler);
  private readonly document = inject(DOCUMENT);
  private readonly params = inject(WALL_PARAMS);
  private readonly session = inject(SessionService);
  private readonly stateSignal = signal<WallState>({ status: 'loading' });
  private failures = 0;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts layout refetches after a change, apart from loads and drill-downs: a refetch never moves the wall elsewhere. */
  private layoutRefetch = 0;
  /** What `show` put on screen (a playlist's entry, a console's command): a reload of the wall comes back to it. */
  private shown: { readonly layout: string; readonly scope: string | null } | null = null;
  /** The next `show`, fetched ahead (a playlist's next entry) so the swap does not wait for the network. */
  private prefetched: { readonly key: string; readonly ready: Promise<Ready> } | null = null;

  readonly state = this.stateSignal.asReadonly();
  /** The scope a drill-down is on its way to, while its details load. */
  readonly navigatingTo = signal<string | null>(null);

  constructor() {
    const window = this.document.defaultView;
    const onPopState = (): void => {
      const ready = this.ready();
      if (ready === null) return;
      this.navigate(parseWallParams(this.document.location.search).scope ?? ready.dashboard.scope, false);
    };
    window?.addEventListener('popstate', onPopState);
    const stopListening = inject(LayoutChangeFeed).onChange((change) => this.refetchLayout(change));
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      clearTimeout(this.retryTimer);
      window?.removeEventListener('popstate', onPopState);
      // Answers that arrive after teardown belong to no attempt.
      this.attempt += 1;
    });
  }

  /** Stops loading and retrying (the session ended); `load` starts again. */
  stop(): void {
    clearTimeout(this.retryTimer);
    this.attempt += 1;
    this.failures = 0;
    this.stateSignal.set({ status: 'loading' });
  }

  /** Starts a load now, dropping any scheduled retry. */
  load(): void {
    clearTimeout(this.retryTimer);
    const attempt = ++this.attempt;
    this.stateSignal.set({ status: 'loading' });
    this.fetchWall().then(
      (ready) => {
        if (attempt !== this.attempt) return;
        this.failures = 0;
        this.stateSignal.set(ready);
      },
      (error: unknown) => {
        if (attempt !== this.attempt) return;
        const problem = wallProblemOf(error, { layout: this.params.wall, scope: this.params.scope ?? null });
        if (!isRetryable(problem)) {
          this.stateSignal.set({ status: 'error', problem, retryAtMs: null });
          return;
        }
        const delay = backoffDelay(this.failures++);
        this.stateSignal.set({ status: 'error', problem, retryAtMs: this.clock.now() + delay });
        this.retryTimer = setTimeout(() => this.load(), delay);
      },
    );
  }

  /**
   * Shows `scope` on the same wall: the current scope stays on screen until the new one's details arrive, then
   * the address changes (a new history entry when `push`) and the panels follow. A scope that cannot be
   * loaded leaves the wall where it was.
   */
  navigate(scope: string, push = true): void {
    const ready = this.ready();
    if (ready === null) return;
    if (scope === ready.scope.scope) {
      this.navigatingTo.set(null);
      return;
    }
    const attempt = ++this.attempt;
    this.navigatingTo.set(scope);
    this.fetchScope(scope).then(
      ({ detail, names }) => {
        if (attempt !== this.attempt) return;
        this.navigatingTo.set(null);
        if (push) {
          const { location, defaultView } = this.document;
          defaultView?.history.pushState({ scope: detail.scope }, '', `${location.pathname}${withScope(location.search, detail.scope)}${location.hash}`);
        }
        this.stateSignal.set({ ...ready, scope: detail, names });
      },
      (error: unknown) => {
        if (attempt !== this.attempt) return;
        this.navigatingTo.set(null);
        this.errors.handleError(error);
      },
    );
  }

  /**
   * Swaps the layout and the scope in place (the scope: `scope`, else the layout's own as for a load): the socket stays,
   * the wall on screen stays until both have arrived, then `beforeSwap` runs (a cross-fade takes its picture) and the
   * panels follow. Rejects, leaving the wall as it was, when either cannot be loaded; resolves false when a later
   * load or show overtook it.
   */
  show(layout: string, scope?: string, options: { readonly beforeSwap?: () => void } = {}): Promise<boolean> {
    clearTimeout(this.retryTimer);
    const attempt = ++this.attempt;
    this.navigatingTo.set(null);
    const key = showKey(layout, scope);
    const pending = this.prefetched?.key === key ? this.prefetched.ready : this.fetchReady(layout, scope ?? null);
    this.prefetched = null;
    return pending.then((ready) => {
      if (attempt !== this.attempt) return false;
      this.failures = 0;
      this.shown = { layout, scope: scope ?? null };
      options.beforeSwap?.();
      this.stateSignal.set(ready);
      return true;
    });
  }

  /** Fetches what `show(layout, scope)` will need, once, ahead of it. */
  prefetch(layout: string, scope?: string): void {
    const ready = this.fetchReady(layout, scope ?? null);
    // A failed prefetch is for the `show` that uses it to report.
    ready.catch(() => undefined);
    this.prefetched = { key: showKey(layout, scope), ready };
  }

  /**
   * The layout on screen changed on the server (a new good version, or a notice of a bad edit came or went), or may
   * have while the socket was away (`change` null): fetch it and swap the panels in place, on the same scope and
   * socket. A failed refetch leaves the wall as it is.
   */
  private refetchLayout(change: LayoutChange | null): void {
    const shown = this.ready();
    if (shown === null || (change !== null && shown.dashboard.name !== change.name)) return;
    const refetch = ++this.layoutRefetch;
    this.fetchLayout(shown.dashboard.name).then(
      (dashboard) => {
        const ready = this.ready();
        if (refetch !== this.layoutRefetch || ready === null || ready.dashboard.name !== dashboard.name) return;
        // A check after a reconnection usually finds the same version: the panels stay untouched.
        if (dashboard.revision === ready.dashboard.revision && sameNotice(dashboard.notice, ready.dashboard.notice)) return;
        this.stateSignal.set({ ...ready, dashboard });
      },
      (error: unknown) => this.errors.handleError(error),
    );
  }

  private ready(): Ready | null {
    const state = this.stateSignal();
    return state.status === 'ready' ? state : null;
  }

  private fetchWall(): Promise<Ready> {
    return this.shown === null ? this.fetchReady(this.params.wall, this.params.scope) : this.fetchReady(this.shown.layout, this.shown.scope);
  }

  private async fetchReady(layout: string, scope: string | null): Promise<Ready> {
    const dashboard = await this.fetchLayout(layout);
    const { detail, names } = await this.fetchScope(scope ?? wallScopeFor(dashboard.scope, this.session.principal()?.scopes ?? []));
    return { status: 'ready', dashboard, scope: detail, names };
  }

  private fetchLayout(name: string): Promise<ServedDashboard> {
    return this.api.get(`/api/v1/dashboards/${encodeURIComponent(name)}`, servedDashboardSchema);
  }

  private fetchScope(requested: string): Promise<ScopeLineage> {
    return fetchScopeLineage(this.api, requested);
  }
}

function showKey(layout: string, scope: string | undefined): string {
  return `${layout} ${scope ?? ''}`;
}

function sameNotice(a: ServedDashboard['notice'], b: ServedDashboard['notice']): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The layout's own scope when the credential may see it, otherwise the first scope it was granted (a street's leader). */
function wallScopeFor(layoutScope: string, grants: readonly string[]): string {
  return grants.length === 0 || isWithinGrants(grants, layoutScope) ? layoutScope : (grants[0] ?? layoutScope);
}
