import type { Page } from 'playwright-core';

/** What a page wrote to its console as errors, and which of them were Content Security Policy refusals. */
export interface ConsoleWatch {
  readonly errors: readonly string[];
  /** Refused scripts, styles, connections or frames: the page breaks the policy the server sends. */
  cspViolations(): string[];
}

/** Collects the page's console errors and uncaught exceptions from now on. */
export function watchConsole(page: Page): ConsoleWatch {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    errors,
    cspViolations: () => errors.filter((text) => /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)),
  };
}
