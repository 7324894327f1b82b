import { createDisplayTokenRequestSchema, createIngestKeyRequestSchema } from '@grid-command/contracts';
import type { AppConfig } from '../../config/app-config';
import type { ScopedCredentialKindSpec } from './scoped-credentials.service';
import { DISPLAY_TOKEN_PREFIX, INGEST_KEY_PREFIX } from './identity-tokens';

export const INGEST_KEY_SPEC: ScopedCredentialKindSpec = {
  kind: 'ingest_key',
  prefix: INGEST_KEY_PREFIX,
  noun: 'ingest key',
  requestSchema: createIngestKeyRequestSchema,
};

export const DISPLAY_TOKEN_SPEC: ScopedCredentialKindSpec = {
  kind: 'display_token',
  prefix: DISPLAY_TOKEN_PREFIX,
  noun: 'display token',
  requestSchema: createDisplayTokenRequestSchema,
};

/** The wall of the token's scope, carrying the token: what a kiosk browser opens. */
export function kioskUrl(config: AppConfig, scope: string, token: string): string {
  const base = config.publicUrl ?? `http://${config.http.host}:${config.http.port}`;
  return `${base}/?scope=${scope}&display=${token}`;
}
