import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';
import { wellFormedText } from './well-formed-text';

/**
 * Roles of a user; they compose. `leader` reads a scope and everything under it; `duty_officer` also acts on
 * alerts, mutes and ticket events there; `operator` sees the pipeline's health; `admin` manages users, keys and
 * tokens and holds every other role.
 */
export const USER_ROLES = ['leader', 'duty_officer', 'operator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * What a request may be granted: the user roles, plus `ingest`, held only by ingest keys (a hotline system, a
 * street's grid-worker app, a sensor gateway), which report incidents and record ticket events of their scope.
 */
export const ACCESS_ROLES = [...USER_ROLES, 'ingest'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** Who made a request: a logged-in user, an ingest key or a wall's display token. */
export const PRINCIPAL_KINDS = ['user', 'ingest_key', 'display_token'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** Usernames are case-insensitive: `Li.Si` is kept, and logs in, as `li.si`. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'must be 2–32 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit');

/** Long enough to resist guessing; argon2id does the rest. The upper bound keeps hashing cheap to refuse. */
export const passwordSchema = wellFormedText({ min: 12, max: 256, what: 'a password' });

export const displayNameSchema = wellFormedText({ min: 1, max: 64, what: 'a display name' });

/** Scopes granted to a user, key or token: each one and everything under it. */
export const grantedScopesSchema = z.array(scopeIdSchema).min(1, 'grant at least one scope').max(50);

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

const instant = z.iso.datetime({ offset: true });

export const userViewSchema = z.strictObject({
  id: z.uuid(),
  username: usernameSchema,
  displayName: z.string(),
  roles: z.array(z.enum(USER_ROLES)),
  scopes: z.array(scopeIdSchema),
  disabled: z.boolean(),
  createdAt: instant,
});
export type UserView = z.infer<typeof userViewSchema>;

/** `200` of `POST /api/v1/auth/login` and `/refresh`; `expiresIn` is the access token's life in seconds. */
export const sessionTokensSchema = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.int().positive(),
  user: userViewSchema,
});
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(1).max(512) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
  roles: z.array(z.enum(USER_ROLES)).min(1, 'grant at least one role'),
  scopes: grantedScopesSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** `PATCH /api/v1/users/{id}`: disable or enable a user. */
export const updateUserRequestSchema = z.strictObject({ disabled: z.boolean() });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** A key or a display token is named after what holds it: 12345热线, 青秀区大屏-1. */
export const credentialNameSchema = wellFormedText({ min: 1, max: 64, what: 'a name' });

/** An ingest key or a display token as admins list them: never its secret. */
const scopedCredentialViewSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  scope: scopeIdSchema,
  createdAt: instant,
  revokedAt: instant.nullable(),
  lastUsedAt: instant.nullable(),
  /** Requests authenticated with it. */
  uses: z.int().nonnegative(),
});

export const createIngestKeyRequestSchema = z.strictObject({ name: credentialNameSchema, scope: scopeIdSchema });
export type CreateIngestKeyRequest = z.infer<typeof createIngestKeyRequestSchema>;

/** Shown once; only its hash is kept. */
export const ingestKeyCreatedSchema = z.strictObject({ id: z.uuid(), key: z.string() });
export type IngestKeyCreated = z.infer<typeof ingestKeyCreatedSchema>;

export const ingestKeyViewSchema = scopedCredentialViewSchema;
export type IngestKeyView = z.infer<typeof ingestKeyViewSchema>;

export const createDisplayTokenRequestSchema = z.strictObject({ name: credentialNameSchema, scope: scopeIdSchema });
export type CreateDisplayTokenRequest = z.infer<typeof createDisplayTokenRequestSchema>;

/** `url` is the kiosk address: the wall of the token's scope, carrying the token once. */
export const displayTokenCreatedSchema = z.strictObject({ id: z.uuid(), token: z.string(), url: z.string() });
export type DisplayTokenCreated = z.infer<typeof displayTokenCreatedSchema>;

export const displayTokenViewSchema = scopedCredentialViewSchema;
export type DisplayTokenView = z.infer<typeof displayTokenViewSchema>;

/** `GET /api/v1/auth/me`: who the bearer is and what they hold. */
export const principalViewSchema = z.strictObject({
  kind: z.enum(PRINCIPAL_KINDS),
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ACCESS_ROLES)),
  scopes: z.array(scopeIdSchema),
  expiresAt: instant.nullable(),
});
export type PrincipalView = z.infer<typeof principalViewSchema>;

/** `GET /api/v1/users`, `/ingest-keys`, `/display-tokens`: never a password hash, key or token. */
export const userListSchema = z.strictObject({ users: z.array(userViewSchema) });
export const ingestKeyListSchema = z.strictObject({ ingestKeys: z.array(ingestKeyViewSchema) });
export const displayTokenListSchema = z.strictObject({ displayTokens: z.array(displayTokenViewSchema) });
