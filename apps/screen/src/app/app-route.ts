/** Which screen a path shows: the duty console at `/console`, user admin at `/admin`, the leader's wall everywhere else (`/`). */
export type AppRoute = 'wall' | 'console' | 'admin';

export function routeOf(pathname: string): AppRoute {
  if (/^\/console\/?$/.test(pathname)) return 'console';
  if (/^\/admin\/?$/.test(pathname)) return 'admin';
  return 'wall';
}
