import type { CreateUserRequest } from '@grid-command/contracts';

/** A user the demo creates, without its password (drawn once, then kept with the demo's credentials). */
export type DemoUser = Omit<CreateUserRequest, 'password'> & { readonly displayName: string };

/** Who drives the simulated duty desk: its own user, so the audit tells its actions from a person's. */
export const SIMULATOR_USER = 'sim-duty';

/**
 * One user per role for the console, on the demo district (and one street, to show a narrower grant), and the
 * simulator's desk. Names say they are demo accounts: nobody should mistake them for a deployment's own.
 */
export function demoUsers(district: string, street: string): DemoUser[] {
  return [
    { username: 'demo-leader', displayName: '领导(演示)', roles: ['leader'], scopes: [district] },
    { username: 'demo-duty', displayName: '值班员(演示)', roles: ['duty_officer'], scopes: [district] },
    { username: 'demo-street-duty', displayName: '街道值班员(演示)', roles: ['duty_officer'], scopes: [street] },
    { username: 'demo-operator', displayName: '运维(演示)', roles: ['operator'], scopes: [district] },
    { username: SIMULATOR_USER, displayName: '模拟值班台', roles: ['duty_officer'], scopes: [district] },
  ];
}
