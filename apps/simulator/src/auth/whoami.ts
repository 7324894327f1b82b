import { apiErrorSchema, principalViewSchema, type PrincipalView } from '@grid-command/contracts';
import { authorizedHeaders, type BearerSource } from './bearer';

/** `GET /api/v1/auth/me`: who the server takes the credential for; throws with its reason when it refuses it. */
export async function whoAmI(baseUrl: string, bearer: BearerSource): Promise<PrincipalView> {
  const response = await fetch(new URL('/api/v1/auth/me', baseUrl), { headers: await authorizedHeaders(bearer, false), signal: AbortSignal.timeout(10_000) });
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return principalViewSchema.parse(body);
  const error = apiErrorSchema.safeParse(body);
  throw new Error(`GET /api/v1/auth/me: ${response.status} ${error.success ? `${error.data.error}: ${error.data.message}` : response.statusText}`);
}
