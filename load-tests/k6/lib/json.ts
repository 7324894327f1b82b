import type { RefinedResponse, ResponseType } from 'k6/http';

/** The response body as JSON, or null when it is not JSON: the contract checks then fail with a clear name. */
export function jsonOf(response: RefinedResponse<ResponseType | undefined>): unknown {
  try {
    return response.json();
  } catch {
    return null;
  }
}
