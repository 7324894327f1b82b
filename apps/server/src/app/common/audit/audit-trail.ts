/** Who did something, as the audit log records it; null for an anonymous caller (a failed login, say). */
export interface AuditActor {
  readonly kind: 'user' | 'ingest_key' | 'display_token' | 'system';
  readonly id: string;
  readonly name: string;
}

/**
 * One line of the append-only audit log: `action` is a dotted name (`auth.login`, `auth.refresh_reuse`,
 * `user.create`, `ingest_key.used`, `alert.acknowledge`, `mute.create`, `ticket.dispatched`…), `target` what it was
 * done to (a username, a key id, an alert id), `outcome` whether it went through.
 */
export interface AuditEntryInput {
  readonly action: string;
  readonly actor: AuditActor | null;
  readonly target: string | null;
  readonly outcome: 'success' | 'failure' | 'denied';
  /** The client's address as the server saw it. */
  readonly sourceIp: string | null;
  /** A few facts worth keeping (a count, a scope, a reason); never a secret, a password or a token. */
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
  /** Defaults to now. */
  readonly at?: Date;
}

/**
 * Records audit entries durably before it resolves (an outbox in Redis, relayed to ClickHouse's `audit_log`), so an
 * action that was answered is in the log whatever crashes after. Provided by the audit capability.
 */
export interface AuditTrail {
  record(entry: AuditEntryInput): Promise<void>;
}

export const AUDIT_TRAIL = Symbol('AUDIT_TRAIL');
