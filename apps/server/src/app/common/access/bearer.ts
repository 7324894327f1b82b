import { AppError } from '../errors/app-error';

/** The credential of `Authorization: Bearer <credential>`; 401 naming the header when it is missing or malformed. */
export function bearerOf(authorization: string | undefined): string {
  if (authorization === undefined || authorization === '') {
    throw new AppError('unauthenticated', 'sign in first: send Authorization: Bearer <access token, ingest key or display token>');
  }
  const match = /^Bearer ([\x21-\x7e]{16,2048})$/.exec(authorization);
  if (!match?.[1]) throw new AppError('unauthenticated', 'Authorization must be "Bearer <credential>"');
  return match[1];
}
