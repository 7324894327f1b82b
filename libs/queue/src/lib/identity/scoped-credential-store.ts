import { scopeIdSchema, type IngestKeyView } from '@grid-command/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { execOrThrow } from '../redis-pipeline';
import { scopedCredentialKeys, type ScopedCredentialKeys, type ScopedCredentialKind } from './identity-keys';

const scopedCredentialRecordSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().min(1),
  scope: scopeIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type ScopedCredentialRecord = z.infer<typeof scopedCredentialRecordSchema>;

/** A key or token as its owner sees it: its record, whether and when it was revoked, and how much it is used. */
export type ScopedCredentialView = IngestKeyView;

/** A credential found by its secret's digest; `revokedAt` is null while it is valid. */
export interface ResolvedScopedCredential extends ScopedCredentialRecord {
  readonly revokedAt: string | null;
}

/** Uses counted in one process since its last flush. */
export interface CredentialUses {
  readonly count: number;
  readonly lastUsedAtMs: number;
}

/** KEYS: last-used. ARGV: (id, epoch ms) pairs. Keeps the latest of what every process reports. */
const RECORD_LAST_USED = `
for i = 1, #ARGV, 2 do
  local known = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > known then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return 1
`;

type CredentialRedis = Redis & { recordLastUsed(...args: Array<string | number>): Promise<number> };

/**
 * Ingest keys or display tokens (one store per kind): a record per credential, found by the SHA-256 digest of its
 * secret (the secret itself is never stored), a revocation time once revoked, and use counts added in batches.
 * Revoked credentials stay listed, so the audit trail's ids keep a name.
 */
export class ScopedCredentialStore {
  private readonly redis: CredentialRedis;
  private readonly keys: ScopedCredentialKeys;

  constructor(
    redis: Redis,
    readonly kind: ScopedCredentialKind,
  ) {
    redis.defineCommand('recordLastUsed', { numberOfKeys: 1, lua: RECORD_LAST_USED });
    this.redis = redis as CredentialRedis;
    this.keys = scopedCredentialKeys(kind);
  }

  async create(record: ScopedCredentialRecord, secretDigest: string): Promise<void> {
    const parsed = scopedCredentialRecordSchema.parse(record);
    await execOrThrow(
      this.redis.multi().hset(this.keys.records, parsed.id, JSON.stringify(parsed)).hset(this.keys.byDigest, secretDigest, parsed.id),
    );
  }

  async byDigest(secretDigest: string): Promise<ResolvedScopedCredential | null> {
    const id = await this.redis.hget(this.keys.byDigest, secretDigest);
    if (id === null) return null;
    const [text, revokedAt] = await execOrThrow(this.redis.pipeline().hget(this.keys.records, id).hget(this.keys.revoked, id));
    return typeof text === 'string' ? { ...scopedCredentialRecordSchema.parse(JSON.parse(text)), revokedAt: (revokedAt as string | null) ?? null } : null;
  }

  /** `unknown` when there is no such credential; revoking twice keeps the first time. */
  async revoke(id: string, at: Date): Promise<'revoked' | 'already_revoked' | 'unknown'> {
    if ((await this.redis.hexists(this.keys.records, id)) === 0) return 'unknown';
    return (await this.redis.hsetnx(this.keys.revoked, id, at.toISOString())) === 1 ? 'revoked' : 'already_revoked';
  }

  /** Every credential of the kind, newest first. */
  async list(): Promise<ScopedCredentialView[]> {
    const [records, revoked, uses, lastUsed] = (await execOrThrow(
      this.redis.pipeline().hvals(this.keys.records).hgetall(this.keys.revoked).hgetall(this.keys.uses).hgetall(this.keys.lastUsed),
    )) as [string[], Record<string, string>, Record<string, string>, Record<string, string>];
    return records
      .map((text) => scopedCredentialRecordSchema.parse(JSON.parse(text)))
      .map((record) => ({
        ...record,
        revokedAt: revoked[record.id] ?? null,
        lastUsedAt: lastUsed[record.id] ? new Date(Number(lastUsed[record.id])).toISOString() : null,
        uses: Number(uses[record.id] ?? 0),
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Adds what one process counted since its last flush, for every credential at once. */
  async recordUses(uses: ReadonlyMap<string, CredentialUses>): Promise<void> {
    if (uses.size === 0) return;
    const counts = this.redis.pipeline();
    const lastUsed: Array<string | number> = [];
    for (const [id, { count, lastUsedAtMs }] of uses) {
      counts.hincrby(this.keys.uses, id, count);
      lastUsed.push(id, lastUsedAtMs);
    }
    await execOrThrow(counts);
    await this.redis.recordLastUsed(this.keys.lastUsed, ...lastUsed);
  }
}
