import type { PrincipalView, UserView } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { ingestKeyProblem, userProblem } from './credential-checks';

const key = (scopes: string[], kind: PrincipalView['kind'] = 'ingest_key'): PrincipalView => ({
  kind,
  id: 'k1',
  name: '模拟器-网格平台',
  roles: kind === 'ingest_key' ? ['ingest'] : ['leader'],
  scopes,
  expiresAt: null,
});
const user = (roles: UserView['roles'], scopes: string[]): UserView => ({
  id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
  username: 'sim-duty',
  displayName: '模拟值班员',
  roles,
  scopes,
  disabled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
});

describe('ingestKeyProblem', () => {
  it('accepts a key of the district, and names what is wrong with any other', () => {
    expect(ingestKeyProblem(key(['district:450103']), 'district:450103')).toBeNull();
    expect(ingestKeyProblem(key(['street:450103001']), 'district:450103')).toBe('ingest key "模拟器-网格平台" covers street:450103001, not district:450103');
    expect(ingestKeyProblem(key(['district:450103'], 'display_token'), 'district:450103')).toContain('is a display_token, not an ingest key');
  });
});

describe('userProblem', () => {
  it('lets a leader read and only a duty officer (or admin) act, within the district', () => {
    expect(userProblem(user(['leader'], ['district:450103']), 'district:450103', false)).toBeNull();
    expect(userProblem(user(['leader'], ['district:450103']), 'district:450103', true)).toContain('needs duty_officer');
    expect(userProblem(user(['admin'], ['district:450103']), 'district:450103', true)).toBeNull();
    expect(userProblem(user(['duty_officer'], ['street:450103001']), 'district:450103', true)).toContain('covers street:450103001, not district:450103');
  });
});
