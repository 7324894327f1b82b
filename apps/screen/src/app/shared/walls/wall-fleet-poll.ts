import { DOCUMENT, DestroyRef, inject, signal } from '@angular/core';
import type { WallFleet } from '@grid-command/contracts';
import { ApiRequestError } from '../data/api-request.error';
import { WallFleetApi } from './wall-fleet-api.service';

/** Walls report every 10 s: a list read every 5 s is at most one report behind. */
const POLL_EVERY_MS = 5_000;

/**
 * The walls list, read every few seconds while the tab is visible and at once after a command; a failed read keeps
 * the last list and says why. Call in an injection context.
 */
export function pollWallFleet() {
  const api = inject(WallFleetApi);
  const document = inject(DOCUMENT);
  const fleet = signal<WallFleet | null>(null);
  const problem = signal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const soon = (delayMs: number): void => {
    clearTimeout(timer);
    if (stopped || document.hidden) return;
    timer = setTimeout(() => void read(), delayMs);
  };
  const read = async (): Promise<void> => {
    try {
      fleet.set(await api.list());
      problem.set(null);
    } catch (error) {
      problem.set(error instanceof ApiRequestError ? error.detail : String(error));
    } finally {
      soon(POLL_EVERY_MS);
    }
  };
  const onVisibility = (): void => soon(0);
  document.addEventListener('visibilitychange', onVisibility);
  inject(DestroyRef).onDestroy(() => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
  soon(0);
  return { fleet: fleet.asReadonly(), problem: problem.asReadonly(), refresh: () => soon(0) };
}
