/**
 * Where a request's `Authorization: Bearer …` comes from: a fixed ingest key, or a signed-in user's access token,
 * which a session renews before it runs out. Asked for on every request, so a renewed token is used at once.
 */
export type BearerSource = () => Promise<string>;

export const fixedBearer =
  (credential: string): BearerSource =>
  () =>
    Promise.resolve(credential);

/** The headers of a JSON request carrying the credential. */
export async function authorizedHeaders(bearer: BearerSource, json: boolean): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await bearer()}`, ...(json ? { 'content-type': 'application/json' } : {}) };
}
