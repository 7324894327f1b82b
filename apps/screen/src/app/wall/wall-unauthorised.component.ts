import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { SessionEnd } from '../shared/auth/session.service';
import type { Lang } from '../shared/config/wall-params';
import { translate } from '../shared/i18n/messages';

/**
 * The whole stage when the wall has no credential the server accepts: never figures, not even old ones. It says
 * whether the display token was revoked (or ran out) and how to open the wall: the admin's display link, or a login.
 */
@Component({
  selector: 'gc-wall-unauthorised',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-wall-auth]': 'kind()', role: 'alert' },
  template: `
    <div class="mark">!</div>
    <h1>{{ texts().headline }}</h1>
    <p class="how">{{ texts().how }}</p>
    <button type="button" (click)="login.emit()">{{ texts().login }}</button>
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 28px;
      text-align: center;
      background: radial-gradient(ellipse at 50% 40%, rgba(244, 63, 94, 0.16) 0%, transparent 60%);
    }
    h1 {
      margin: 0;
      font-size: 72px;
      letter-spacing: 8px;
      color: #ffe4e6;
    }
    .how {
      margin: 0;
      max-width: 1200px;
      font-size: 30px;
      line-height: 1.5;
      color: var(--gc-muted);
    }
    .mark {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 140px;
      height: 140px;
      border-radius: 50%;
      font-size: 90px;
      font-weight: 800;
      color: var(--gc-danger);
      border: 8px solid var(--gc-danger);
      box-shadow: 0 0 40px rgba(244, 63, 94, 0.5);
    }
    button {
      padding: 12px 48px;
      font: inherit;
      font-size: 24px;
      color: #e0f2fe;
      background: rgba(34, 211, 238, 0.12);
      border: 1px solid var(--gc-accent);
      border-radius: 4px;
      cursor: pointer;
    }
  `,
})
export class WallUnauthorisedComponent {
  /** Why the wall's last credential was dropped; null when it never had one. */
  readonly ended = input.required<SessionEnd | null>();
  readonly lang = input.required<Lang>();
  readonly login = output();

  protected readonly kind = computed(() => {
    const ended = this.ended();
    return ended === 'token_revoked' ? 'revoked' : ended === 'token_expired' ? 'expired' : 'unauthorised';
  });

  protected readonly texts = computed(() => {
    const lang = this.lang();
    const kind = this.kind();
    return {
      headline: translate(lang, kind === 'revoked' ? 'auth.revoked' : kind === 'expired' ? 'auth.expired' : 'auth.unauthorised'),
      how: translate(lang, kind === 'unauthorised' ? 'auth.howToOpen' : 'auth.revokedDetail'),
      login: translate(lang, 'auth.login'),
    };
  });
}
