import type { Page } from 'playwright-core';

/** Types the credentials into the page's login form and sends it. */
export async function logInThroughForm(page: Page, username: string, password: string): Promise<void> {
  const form = page.locator('[data-login-form]');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}
