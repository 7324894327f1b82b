import { DestroyRef, Injectable, inject } from '@angular/core';
import { SessionGate } from '../../shared/auth/session-gate.service';

/** How often the wall asks whether its credential still holds: a revoked wall must say so within 10 s. */
export const CREDENTIAL_CHECK_MS = 5_000;

/**
 * Asks `GET /api/v1/auth/me` every few seconds while the wall is up. The socket is told of a revocation at once
 * (`authRevoked`), but the KPI poll is every 15 s, and a wall whose socket is down would hear nothing: this is the
 * backstop that turns a revoked display token into the 已吊销 screen in time.
 */
@Injectable()
export class CredentialWatch {
  private readonly gate = inject(SessionGate);
  private readonly timer = setInterval(() => void this.gate.check(), CREDENTIAL_CHECK_MS);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearInterval(this.timer));
  }
}
