import { randomBytes } from 'node:crypto';

/** The user the server creates on its first start when `ADMIN_BOOTSTRAP_PASSWORD` is set and no admin exists. */
export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

/** A fresh first-admin password, one per started data directory: long and random, since it is never typed. */
export function newBootstrapPassword(): string {
  return randomBytes(24).toString('base64url');
}

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** Sent as `Authorization: Bearer …`: an access token, ingest key or display token. */
  readonly bearer?: string;
  readonly body?: unknown;
}

/**
 * One JSON request to the API as an operator's script makes it: the parsed body of a 2xx answer (null for 204),
 * or an error naming the route, the status and what the server said. The caller parses the body with the contract's
 * schema (this library depends on no other, so it does not know them).
 */
export async function requestJson(baseUrl: string, request: ApiRequest): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (request.bearer !== undefined) headers['authorization'] = `Bearer ${request.bearer}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}
