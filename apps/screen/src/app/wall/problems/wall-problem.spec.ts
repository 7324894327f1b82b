import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../../shared/data/api-request.error';
import { isRetryable, wallProblemOf } from './wall-problem';

const request = { layout: 'leader-wall', scope: null };

describe('wallProblemOf', () => {
  it('tells a missing layout by the 404 of its own route', () => {
    const error = new ApiRequestError('/api/v1/dashboards/no-such-wall', 404, 'no dashboard named no-such-wall');
    expect(wallProblemOf(error, { layout: 'no-such-wall', scope: null })).toEqual({ kind: 'layout-missing', layout: 'no-such-wall' });
  });

  it('carries the problems of a layout that was never valid', () => {
    const layoutProblems = [{ field: 'grid.columns', zh: '不能大于 48', en: 'Too big: expected number to be <=48' }];
    const body = { statusCode: 503, error: 'unavailable' as const, message: 'dashboard leader-wall.json is invalid', layoutProblems };
    const error = new ApiRequestError('/api/v1/dashboards/leader-wall', 503, body.message, 'GET', body);
    expect(wallProblemOf(error, request)).toEqual({ kind: 'layout-invalid', layout: 'leader-wall', problems: layoutProblems });
  });

  it('names the scope of the address that is unknown, malformed or not permitted', () => {
    const unknown = new ApiRequestError('/api/v1/scopes/street:450103999', 404, 'unknown scope');
    expect(wallProblemOf(unknown, { layout: 'leader-wall', scope: 'street:450103999' })).toEqual({ kind: 'scope-unknown', scope: 'street:450103999' });
    expect(wallProblemOf(new Error('scope "street:999": must be level:code'), { layout: 'leader-wall', scope: 'street:999' })).toEqual({
      kind: 'scope-invalid',
      scope: 'street:999',
    });
    const forbidden = new ApiRequestError('/api/v1/scopes/district:450102', 403, 'outside your grants');
    expect(wallProblemOf(forbidden, { layout: 'leader-wall', scope: 'district:450102' })).toEqual({ kind: 'scope-forbidden', scope: 'district:450102' });
  });

  it('reads the scope from the path when the wall chose it itself', () => {
    const unknown = new ApiRequestError('/api/v1/scopes/district:450199', 404, 'unknown scope');
    expect(wallProblemOf(unknown, request)).toEqual({ kind: 'scope-unknown', scope: 'district:450199' });
  });

  it('tells an unreachable server from one that failed', () => {
    expect(wallProblemOf(new ApiRequestError('/api/v1/dashboards/leader-wall', null, 'server unreachable'), request)).toEqual({ kind: 'unreachable' });
    expect(wallProblemOf(new ApiRequestError('/api/v1/dashboards/leader-wall', 500, 'internal'), request)).toEqual({ kind: 'server', status: 500 });
    expect(wallProblemOf(new Error('boom'), request)).toEqual({ kind: 'server', status: null });
  });
});

describe('isRetryable', () => {
  it('retries what a fixed file or a returning server can heal, not a wrong address', () => {
    expect(isRetryable({ kind: 'layout-missing', layout: 'x' })).toBe(true);
    expect(isRetryable({ kind: 'layout-invalid', layout: 'x', problems: [] })).toBe(true);
    expect(isRetryable({ kind: 'unreachable' })).toBe(true);
    expect(isRetryable({ kind: 'scope-unknown', scope: 'street:450103999' })).toBe(false);
    expect(isRetryable({ kind: 'scope-invalid', scope: 'x' })).toBe(false);
    expect(isRetryable({ kind: 'scope-forbidden', scope: 'district:450102' })).toBe(false);
  });
});
