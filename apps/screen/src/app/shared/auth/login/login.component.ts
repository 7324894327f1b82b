import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { LangService } from '../../i18n/lang.service';
import { translate, type MessageKey } from '../../i18n/messages';
import { SessionService, type SessionEnd } from '../session.service';
import { loginProblem } from './login-problem';

export type LoginPurpose = 'console' | 'wall' | 'admin' | 'ops';

const PURPOSE_TITLES: Readonly<Record<LoginPurpose, MessageKey>> = { console: 'login.forConsole', wall: 'login.forWall', admin: 'login.forAdmin', ops: 'login.forOps' };

/**
 * The login of the console (and of a wall without a display token), in place of the page: a successful login shows
 * the page again at the same address, so an officer's filters are still there.
 */
@Component({
  selector: 'gc-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="login" (submit)="$event.preventDefault(); submit()" data-login-form>
      <h1>{{ t('login.heading') }}</h1>
      <p class="for">{{ t(PURPOSE_TITLES[purpose()]) }}</p>
      @if (notice(); as notice) {
        <p class="notice" data-login-notice>{{ notice }}</p>
      }
      <label>
        {{ t('login.username') }}
        <input name="username" autocomplete="username" maxlength="64" [value]="username()" (input)="username.set($any($event.target).value)" />
      </label>
      <label>
        {{ t('login.password') }}
        <input name="password" type="password" autocomplete="current-password" maxlength="256" [value]="password()" (input)="password.set($any($event.target).value)" />
      </label>
      @if (problem(); as problem) {
        <p class="problem" role="alert" data-login-error>{{ problem }}</p>
      }
      <button type="submit" class="submit" [disabled]="busy() || !filled()">{{ t(busy() ? 'login.busy' : 'login.submit') }}</button>
      <button type="button" class="lang-switch" (click)="toggleLang()">{{ t('wall.switchLang') }}</button>
    </form>
  `,
  styles: `
    :host {
      position: fixed;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      background: radial-gradient(ellipse at 50% 30%, #0a2a5e 0%, #041233 55%, #01081a 100%);
      user-select: text;
    }
    .login {
      display: flex;
      flex-direction: column;
      gap: 14px;
      width: min(420px, 92vw);
      padding: 32px 36px;
      border: 1px solid var(--gc-line);
      background: rgba(5, 20, 48, 0.85);
      box-shadow: 0 0 40px rgba(34, 211, 238, 0.12);
    }
    h1 {
      margin: 0;
      font-size: 22px;
      letter-spacing: 2px;
      color: #e0f2fe;
    }
    .for {
      margin: -8px 0 4px;
      color: var(--gc-muted);
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      color: var(--gc-muted);
    }
    input {
      font: inherit;
      font-size: 16px;
      padding: 8px 10px;
      color: var(--gc-text);
      background: #061a3d;
      border: 1px solid var(--gc-line);
    }
    input:focus {
      outline: 1px solid var(--gc-accent);
    }
    .notice {
      margin: 0;
      color: var(--gc-warning);
    }
    .problem {
      margin: 0;
      color: var(--gc-danger);
      font-weight: 700;
    }
    .submit {
      font: inherit;
      font-size: 16px;
      padding: 10px;
      color: #e0f2fe;
      background: rgba(34, 211, 238, 0.18);
      border: 1px solid var(--gc-accent);
      cursor: pointer;
    }
    .submit:disabled {
      opacity: 0.5;
      cursor: default;
    }
    .lang-switch {
      align-self: flex-end;
      font: inherit;
      color: var(--gc-accent);
      background: none;
      border: none;
      cursor: pointer;
    }
  `,
})
export class LoginComponent {
  /** Which page the login opens: only the subtitle differs. */
  readonly purpose = input<LoginPurpose>('console');
  protected readonly PURPOSE_TITLES = PURPOSE_TITLES;
  /** Why the previous session ended, said above the form. */
  readonly ended = input<SessionEnd | null>(null);

  private readonly session = inject(SessionService);
  private readonly langService = inject(LangService);

  protected readonly lang = this.langService.lang;
  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  /** Why the last attempt was refused; said in the language shown, even after a switch. */
  private readonly failure = signal<{ readonly error: unknown } | null>(null);
  protected readonly problem = computed(() => {
    const failure = this.failure();
    return failure === null ? null : loginProblem(failure.error, this.lang());
  });
  protected readonly filled = computed(() => this.username().trim() !== '' && this.password() !== '');
  protected readonly notice = computed(() => {
    const ended = this.ended();
    return ended === null ? null : this.t(`login.ended.${ended}`);
  });

  protected readonly t = (key: MessageKey, params?: Parameters<typeof translate>[2]): string => translate(this.lang(), key, params);

  protected async submit(): Promise<void> {
    if (this.busy() || !this.filled()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await this.session.login(this.username().trim(), this.password());
    } catch (error) {
      this.failure.set({ error });
      this.password.set('');
    } finally {
      this.busy.set(false);
    }
  }

  protected toggleLang(): void {
    this.langService.toggle();
  }
}
