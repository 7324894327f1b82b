/** Which screen a path shows: the duty console at `/console`, the leader's wall everywhere else (`/`). */
export type AppRoute = 'wall' | 'console';

export function routeOf(pathname: string): AppRoute {
  return /^\/console\/?$/.test(pathname) ? 'console' : 'wall';
}
