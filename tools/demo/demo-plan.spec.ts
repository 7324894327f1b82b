import type { UserView } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { credentialStep, userStep } from './demo-plan';

const user = (disabled = false): UserView => ({
  id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
  username: 'demo-duty',
  displayName: '值班员(演示)',
  roles: ['duty_officer'],
  scopes: ['district:450103'],
  disabled,
  createdAt: '2026-12-01T00:00:00.000Z',
});

describe('userStep', () => {
  it('keeps a user whose password was kept, and remakes one whose password is lost or who was disabled', () => {
    expect(userStep(undefined, undefined)).toBe('create');
    expect(userStep(undefined, 'kept but the data was wiped')).toBe('create');
    expect(userStep(user(), 'kept')).toBe('reuse');
    expect(userStep(user(), undefined)).toBe('recreate');
    expect(userStep(user(true), 'kept')).toBe('recreate');
  });
});

describe('credentialStep', () => {
  it('reuses a kept key only while the server lists it unrevoked', () => {
    const listed = [
      { id: 'k1', revokedAt: null },
      { id: 'k2', revokedAt: '2026-12-01T00:00:00.000Z' },
    ];
    expect(credentialStep({ id: 'k1' }, listed)).toBe('reuse');
    expect(credentialStep({ id: 'k2' }, listed)).toBe('create');
    expect(credentialStep({ id: 'k3' }, listed)).toBe('create');
    expect(credentialStep(null, listed)).toBe('create');
  });
});
