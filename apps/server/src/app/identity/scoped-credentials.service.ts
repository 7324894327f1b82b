import type { ReferenceIndex } from '@grid-command/domain';
import { digestOfSecret, newCredentialSecret, ScopedCredentialStore, type ScopedCredentialView } from '@grid-command/queue';
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { AuditTrail } from '../common/audit/audit-trail';
import { AppError } from '../common/errors/app-error';
import { invalidInput } from '../common/invalid-input';
import { assertScopesLoaded } from './granted-scopes';
import type { CountedCredentialKind } from './credential-use-counter';
import type { RevocationAnnouncer } from './revocation-announcer';
import type { AdministrativeRequester } from './users.service';

/** What differs between ingest keys and display tokens. */
export interface ScopedCredentialKindSpec {
  readonly kind: CountedCredentialKind;
  /** How the credential starts, so the resolver knows where to look it up. */
  readonly prefix: string;
  /** For messages: "ingest key", "display token". */
  readonly noun: string;
  readonly requestSchema: z.ZodType<{ name: string; scope: string }>;
}

export interface IssuedScopedCredential {
  readonly id: string;
  /** The whole credential, shown once. */
  readonly secret: string;
  readonly scope: string;
}

/**
 * Issues, lists and revokes one kind of scoped credential (ingest keys for systems, display tokens for walls), for
 * the admins' REST and the admin CLI alike. The secret is answered once; only its digest is kept.
 */
export class ScopedCredentials {
  constructor(
    readonly spec: ScopedCredentialKindSpec,
    private readonly store: ScopedCredentialStore,
    private readonly reference: ReferenceIndex,
    private readonly revocations: RevocationAnnouncer,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<ScopedCredentialView[]> {
    return this.store.list();
  }

  async issue(body: unknown, requester: AdministrativeRequester): Promise<IssuedScopedCredential> {
    const parsed = this.spec.requestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'invalid_body', 'body');
    const request = parsed.data;
    assertScopesLoaded(this.reference, [request.scope], 'scope', false);
    const id = randomUUID();
    const secret = `${this.spec.prefix}${newCredentialSecret()}`;
    await this.store.create({ id, name: request.name, scope: request.scope, createdAt: new Date().toISOString() }, digestOfSecret(secret));
    await this.audit.record({
      action: `${this.spec.kind}.create`,
      actor: requester.actor,
      target: id,
      outcome: 'success',
      sourceIp: requester.sourceIp,
      detail: { name: request.name, scope: request.scope },
    });
    return { id, secret, scope: request.scope };
  }

  /** 404 for an unknown id; revoking a revoked credential again changes nothing. */
  async revoke(id: string, requester: AdministrativeRequester): Promise<void> {
    const outcome = await this.store.revoke(id, new Date());
    if (outcome === 'unknown') throw new AppError('not_found', `no ${this.spec.noun} ${id}`);
    if (outcome === 'already_revoked') return;
    await this.revocations.announce({ kind: this.spec.kind, id });
    await this.audit.record({ action: `${this.spec.kind}.revoke`, actor: requester.actor, target: id, outcome: 'success', sourceIp: requester.sourceIp });
  }
}
