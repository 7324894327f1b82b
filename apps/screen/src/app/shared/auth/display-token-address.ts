/** The query parameter of a kiosk address (`/?scope=district:450103&display=<token>`) that carries the token. */
export const DISPLAY_TOKEN_PARAM = 'display';

/** The display token an address carries, and the same query string without it (every other parameter kept). */
export function splitDisplayToken(search: string): { readonly token: string | null; readonly search: string } {
  const params = new URLSearchParams(search);
  if (!params.has(DISPLAY_TOKEN_PARAM)) return { token: null, search };
  const token = params.get(DISPLAY_TOKEN_PARAM)?.trim() ?? '';
  params.delete(DISPLAY_TOKEN_PARAM);
  const rest = params.toString();
  return { token: token === '' ? null : token, search: rest === '' ? '' : `?${rest}` };
}

/**
 * Takes the display token out of the page's address, without a reload and without a history entry, so it is neither
 * left on the wall's screen nor in the browser's history; returns it (null when the address has none).
 */
export function takeDisplayToken(window: Pick<Window, 'location' | 'history'>): string | null {
  const { location, history } = window;
  const { token, search } = splitDisplayToken(location.search);
  if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  return token;
}
