import type { Lang } from '../../config/wall-params';
import { ApiRequestError } from '../../data/api-request.error';
import { translate } from '../../i18n/messages';

/**
 * What the login form says when a login is refused: wrong credentials (401, one message whichever was wrong), too
 * many attempts (429, with the wait from Retry-After in whole minutes), no server, or the server's own words.
 */
export function loginProblem(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiRequestError)) return translate(lang, 'login.failed', { message: String(error) });
  if (error.status === 401) return translate(lang, 'login.wrong');
  if (error.status === 429) return translate(lang, 'login.locked', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  if (error.status === null) return translate(lang, 'login.unreachable');
  return translate(lang, 'login.failed', { message: error.detail });
}
