import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../shared/data/api-request.error';
import { problemOf } from './replay-problem';

describe('problemOf a refused replay', () => {
  it("says the server's message and each issue with the field it names", () => {
    const error = new ApiRequestError('/api/v1/ops/dead-letters/x/replay', 400, 'report.gridCode: must be 15 digits', 'POST', {
      statusCode: 400,
      error: 'invalid_body',
      message: 'report.gridCode: must be 15 digits',
      issues: [
        { index: 0, path: 'report.gridCode', message: 'must be 15 digits' },
        { index: 0, path: 'report.severity', message: 'must be at most 4' },
      ],
    });
    expect(problemOf(error)).toBe('report.gridCode: must be 15 digits; report.severity: must be at most 4');
  });

  it('says what went wrong when no answer came', () => {
    expect(problemOf(new ApiRequestError('/x', null, 'the server did not answer'))).toBe('the server did not answer');
    expect(problemOf(new Error('boom'))).toBe('boom');
  });
});
