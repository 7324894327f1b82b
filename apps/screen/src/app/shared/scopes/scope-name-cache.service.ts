import { ErrorHandler, Injectable, inject, signal } from '@angular/core';
import { scopeDetailSchema, scopeIdSchema } from '@grid-command/contracts';
import { ApiClient } from '../shared/data/api-client.service';

/**
 * Names of the scopes the console mentions: the console's scope, its ancestors and children when loaded, and any
 * other scope an alert was escalated to, asked for once when first seen.
 */
@Injectable()
export class ScopeNameCache {
  private readonly api = inject(ApiClient);
  private readonly errors = inject(ErrorHandler);
  private readonly namesSignal = signal<ReadonlyMap<string, string>>(new Map());
  private readonly asked = new Set<string>();

  readonly names = this.namesSignal.asReadonly();

  add(entries: Iterable<readonly [scope: string, name: string]>): void {
    this.namesSignal.update((names) => new Map([...names, ...entries]));
  }

  /** Fetches the names not known yet; failures leave the id on screen, and are not asked again. */
  want(scopes: Iterable<string>): void {
    for (const scope of scopes) {
      if (this.asked.has(scope) || this.namesSignal().has(scope) || !scopeIdSchema.safeParse(scope).success) continue;
      this.asked.add(scope);
      this.api.get(`/api/v1/scopes/${scope}`, scopeDetailSchema).then(
        (detail) => this.add([[detail.scope, detail.name]]),
        (error: unknown) => this.errors.handleError(error),
      );
    }
  }
}
