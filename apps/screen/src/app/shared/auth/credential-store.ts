import { DOCUMENT, Injectable, inject } from '@angular/core';
import { z } from 'zod';

const USER_KEY = 'gc.session';
const DISPLAY_KEY = 'gc.displayToken';

const userTokensSchema = z.strictObject({ accessToken: z.string().min(1), refreshToken: z.string().min(1) });
export type UserTokens = z.infer<typeof userTokensSchema>;

/**
 * Where the screen keeps its credentials between page loads.
 * - A user's tokens go to sessionStorage: a duty desk's browser is shared by the shifts, so closing the tab or the
 *   browser must sign the officer out, and another tab or the next shift's login never inherits the session.
 * - A wall's display token goes to localStorage: a kiosk reboots and must come back on its own, without anyone
 *   opening the token's address again (it was taken out of the address so it is not left on screen).
 * A browser that refuses storage keeps the credential for the page only.
 */
@Injectable({ providedIn: 'root' })
export class CredentialStore {
  private readonly window = inject(DOCUMENT).defaultView;

  readUser(): UserTokens | null {
    const raw = read(() => this.window?.sessionStorage, USER_KEY);
    if (raw === null) return null;
    try {
      const parsed = userTokensSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  writeUser(tokens: UserTokens | null): void {
    write(() => this.window?.sessionStorage, USER_KEY, tokens === null ? null : JSON.stringify(tokens));
  }

  readDisplayToken(): string | null {
    const token = read(() => this.window?.localStorage, DISPLAY_KEY)?.trim() ?? '';
    return token === '' ? null : token;
  }

  writeDisplayToken(token: string | null): void {
    write(() => this.window?.localStorage, DISPLAY_KEY, token);
  }
}

function read(storage: () => Storage | undefined, key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: () => Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // A locked-down browser keeps the credential in memory for this page only.
  }
}
