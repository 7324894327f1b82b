import { ErrorHandler, Injectable, inject, signal } from '@angular/core';
import { scopeDetailSchema, scopeIdSchema } from '@grid-command/contracts';
import { ApiClient } from '../data/api-client.service';

/**
 * Names of the scopes a page mentions, so it shows a name and never a code: the scopes it loaded with their names
 * (the console's scope, ancestors and children), and any other (where an alert was escalated to, a user's grant),
 * asked for once when first seen. Provided per page.
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
