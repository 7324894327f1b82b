import { ChangeDetectionStrategy, Component, DOCUMENT, OnInit, inject } from '@angular/core';
import { routeOf } from './app-route';
import { ConsoleComponent } from './console/console.component';
import { WallLoader } from './wall/data/wall-loader.service';
import { LangService } from './shared/i18n/lang.service';
import { StageComponent } from './wall/stage/stage.component';
import { WallClock } from './shared/time/wall-clock.service';
import { WallStatusComponent } from './wall/wall-status.component';
import { WallComponent } from './wall/wall.component';

@Component({
  selector: 'gc-root',
  imports: [StageComponent, WallComponent, WallStatusComponent, ConsoleComponent],
  providers: [WallLoader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (route === 'console') {
      <gc-console />
    } @else {
      <gc-stage>
        @let state = loader.state();
        @switch (state.status) {
          @case ('ready') {
            <gc-wall [dashboard]="state.dashboard" [scope]="state.scope" [names]="state.names" (navigate)="loader.navigate($event)" />
          }
          @case ('error') {
            <gc-wall-status
              [failure]="state.message"
              [retryInSeconds]="secondsUntil(state.retryAtMs)"
              [lang]="lang()"
              (retry)="loader.load()"
            />
          }
          @case ('loading') {
            <gc-wall-status [lang]="lang()" />
          }
        }
      </gc-stage>
    }
  `,
})
export class AppComponent implements OnInit {
  protected readonly loader = inject(WallLoader);
  protected readonly lang = inject(LangService).lang;
  private readonly clock = inject(WallClock);
  /** Read once: the console and the wall are separate pages, each opened by its own address. */
  protected readonly route = routeOf(inject(DOCUMENT).location.pathname);

  ngOnInit(): void {
    if (this.route === 'wall') this.loader.load();
  }

  protected secondsUntil(instantMs: number): number {
    return Math.max(0, Math.ceil((instantMs - this.clock.now()) / 1000));
  }
}
