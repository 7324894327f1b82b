/**
 * Which screen a path shows: the duty console at `/console`, user admin at `/admin`, the operators' pipeline health at
 * `/ops`, the leader's wall everywhere else (`/`).
 */
export type AppRoute = 'wall' | 'console' | 'admin' | 'ops';

export function routeOf(pathname: string): AppRoute {
  if (/^\/console\/?$/.test(pathname)) return 'console';
  if (/^\/admin\/?$/.test(pathname)) return 'admin';
  if (/^\/ops\/?$/.test(pathname)) return 'ops';
  return 'wall';
}
