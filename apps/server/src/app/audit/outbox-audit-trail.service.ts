import type { AuditEntry } from '@grid-command/contracts';
import { AuditOutbox } from '@grid-command/queue';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuditEntryInput, AuditTrail } from '../common/audit/audit-trail';

/** Longest text kept per field: an audit line names things, it does not carry documents. */
const MAX_TEXT = 256;
/** Detail keys that could only hold a credential; their values are never written, whoever passes them. */
const SECRET_KEY = /pass(word)?|secret|token|credential|authori[sz]ation|api_?key|cookie/i;
/** A UTF-16 surrogate without its partner, which ClickHouse refuses (it would stall the relay on that entry). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The audit trail every capability records to (`AUDIT_TRAIL`): each entry goes into the Redis outbox before
 * `record` resolves, and the worker relays it to ClickHouse. Text is made storable here (bounded, valid Unicode) so
 * no entry can block the relay, and detail under a credential-like key is redacted.
 */
@Injectable()
export class OutboxAuditTrail implements AuditTrail {
  constructor(private readonly outbox: AuditOutbox) {}

  async record(input: AuditEntryInput): Promise<void> {
    await this.outbox.append(toEntry(input, randomUUID()));
  }
}

export function toEntry(input: AuditEntryInput, id: string): AuditEntry {
  return {
    id,
    at: (input.at ?? new Date()).toISOString(),
    action: storable(input.action),
    actor: input.actor ? { kind: input.actor.kind, id: storable(input.actor.id), name: storable(input.actor.name) } : null,
    target: input.target === null ? null : storable(input.target),
    outcome: input.outcome,
    sourceIp: input.sourceIp === null ? null : storable(input.sourceIp),
    detail: Object.fromEntries(
      Object.entries(input.detail ?? {}).map(([key, value]) => [
        storable(key),
        SECRET_KEY.test(key) ? '[redacted]' : typeof value === 'string' ? storable(value) : value,
      ]),
    ),
  };
}

function storable(text: string): string {
  return text.slice(0, MAX_TEXT).replace(LONE_SURROGATE, '\uFFFD');
}
