import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, signal, untracked } from '@angular/core';
import { AdminComponent } from './admin/admin.component';
import { routeOf } from './app-route';
import { ConsoleComponent } from './console/console.component';
import { OpsComponent } from './ops/ops.component';
import { LoginComponent } from './shared/auth/login/login.component';
import { SessionGate } from './shared/auth/session-gate.service';
import { SessionService } from './shared/auth/session.service';
import { WallLoader } from './wall/data/wall-loader.service';
import { LangService } from './shared/i18n/lang.service';
import { translate } from './shared/i18n/messages';
import { StageComponent } from './wall/stage/stage.component';
import { WallClock } from './shared/time/wall-clock.service';
import { WallStatusComponent } from './wall/wall-status.component';
import { WallUnauthorisedComponent } from './wall/wall-unauthorised.component';
import { WallComponent } from './wall/wall.component';
import { PlaylistAlerts } from './wall/playlist/playlist-alerts.service';
import { PlaylistOverlayComponent } from './wall/playlist/playlist-overlay.component';
import { PlaylistPlayer } from './wall/playlist/playlist-player.service';

@Component({
  selector: 'gc-root',
  imports: [AdminComponent, OpsComponent, StageComponent, WallComponent, WallStatusComponent, WallUnauthorisedComponent, ConsoleComponent, LoginComponent, PlaylistOverlayComponent],
  providers: [WallLoader, PlaylistPlayer, PlaylistAlerts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The login, the admin page and the ops page are chunks of their own (@defer): a wall that runs on its token loads none.
  template: `
    @let gate = sessionGate.state();
    @if (route !== 'wall') {
      @switch (gate) {
        @case ('signed_out') {
          @defer (on immediate) {
            <gc-login [purpose]="route" [ended]="session.ended()" />
          }
        }
        @case ('checking') {
          <p class="checking" role="status" data-session-checking>{{ checkingText() }}</p>
        }
        @case ('ready') {
          @if (route === 'admin') {
            @defer (on immediate) {
              <gc-admin />
            }
          } @else if (route === 'ops') {
            @defer (on immediate) {
              <gc-ops />
            }
          } @else {
            <gc-console />
          }
        }
      }
    } @else if (gate === 'signed_out' && wallLogin()) {
      @defer (on immediate) {
        <gc-login purpose="wall" [ended]="session.ended()" />
      }
    } @else {
      <gc-stage>
        @if (gate === 'signed_out') {
          <gc-wall-unauthorised [ended]="session.ended()" [lang]="lang()" (login)="wallLogin.set(true)" />
        } @else if (gate === 'checking') {
          <gc-wall-status [lang]="lang()" />
        } @else {
          @let state = loader.state();
          @switch (state.status) {
            @case ('ready') {
              <gc-wall [dashboard]="state.dashboard" [scope]="state.scope" [names]="state.names" (navigate)="loader.navigate($event)" />
            }
            @case ('error') {
              <gc-wall-status
                [problem]="state.problem"
                [retryInSeconds]="state.retryAtMs === null ? null : secondsUntil(state.retryAtMs)"
                [lang]="lang()"
                (retry)="loader.load()"
              />
            }
            @case ('loading') {
              <gc-wall-status [lang]="lang()" />
            }
          }
          @if (playing()) {
            @defer (on immediate) {
              <gc-playlist-overlay />
            }
          }
        }
      </gc-stage>
    }
  `,
})
export class AppComponent {
  protected readonly loader = inject(WallLoader);
  private readonly player = inject(PlaylistPlayer);
  /** The playlist's overlay is a chunk of its own: a wall showing one layout does not load it. */
  protected readonly playing = computed(() => this.player.status().playlist !== null);
  protected readonly session = inject(SessionService);
  protected readonly sessionGate = inject(SessionGate);
  protected readonly lang = inject(LangService).lang;
  private readonly clock = inject(WallClock);
  /** Read once: the console and the wall are separate pages, each opened by its own address. */
  protected readonly route = routeOf(inject(DOCUMENT).location.pathname);
  /** A wall without a credential shows how to get one; a click on 登录 shows the login instead. */
  protected readonly wallLogin = signal(false);
  protected readonly checkingText = computed(() => translate(this.lang(), 'auth.checking'));

  constructor() {
    // The wall loads once the server knows its credential, and again after a new login; it stops when the session ends.
    effect(() => {
      const ready = this.sessionGate.state() === 'ready';
      untracked(() => {
        if (this.route !== 'wall') return;
        if (ready) {
          this.wallLogin.set(false);
          // A playlist puts its first entry on screen itself.
          if (!this.player.boot()) this.loader.load();
        } else {
          this.player.stop();
          this.loader.stop();
        }
      });
    });
  }

  protected secondsUntil(instantMs: number): number {
    return Math.max(0, Math.ceil((instantMs - this.clock.now()) / 1000));
  }
}
