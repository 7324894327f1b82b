import { issueField, type ApiErrorCode } from '@grid-command/contracts';
import type { z } from 'zod';
import { AppError } from './errors/app-error';

/** A body or query that failed its schema: the message names the first bad field, `issues` lists them all. */
export function invalidInput(error: z.ZodError, code: Extract<ApiErrorCode, 'invalid_body' | 'invalid_parameter'>, whole: string): AppError {
  const issues = error.issues.map((issue) => ({ index: 0, path: issueField(issue), message: issue.message }));
  const [first] = issues;
  return new AppError(code, `${first?.path || whole}: ${first?.message ?? 'invalid'}`, { issues });
}
