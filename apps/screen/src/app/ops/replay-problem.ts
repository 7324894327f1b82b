import { ApiRequestError } from '../shared/data/api-request.error';

/**
 * What the server said about a refused replay, naming the field: its message, then each issue's path and message
 * (`report.gridCode: …`), so an operator correcting a report sees exactly what is still wrong.
 */
export function problemOf(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return error instanceof Error ? error.message : String(error);
  const issues = (error.body?.issues ?? []).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const unique = [...new Set([error.detail, ...issues])];
  return unique.join('; ');
}
