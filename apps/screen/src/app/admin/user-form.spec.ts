import { describe, expect, it } from '@jest/globals';
import { userRequest } from './user-form';

const form = { username: ' zhaoliu ', password: 'twelve chars ok', displayName: ' 赵六 ', roles: ['duty_officer' as const], scopes: 'street:450103001, street:450103002' };

describe('userRequest', () => {
  it('builds the body of POST /api/v1/users, scopes split and names trimmed', () => {
    expect(userRequest(form)).toEqual({
      username: 'zhaoliu',
      password: 'twelve chars ok',
      displayName: '赵六',
      roles: ['duty_officer'],
      scopes: ['street:450103001', 'street:450103002'],
    });
  });

  it('leaves out a blank display name', () => {
    expect(userRequest({ ...form, displayName: '  ' })).not.toHaveProperty('displayName');
  });

  it("says what is wrong in the contract's words before anything is sent", () => {
    const answer = userRequest({ ...form, password: 'short', roles: [], scopes: '' });
    expect('problems' in answer ? answer.problems.map((problem) => problem.split(':')[0]) : []).toEqual(['password', 'roles', 'scopes']);
  });
});
