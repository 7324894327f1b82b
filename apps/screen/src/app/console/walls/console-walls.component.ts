import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ScopeDetail, WallCommand } from '@grid-command/contracts';
import { isWithinGrants } from '@grid-command/domain';
import type { Lang } from '../../shared/config/wall-params';
import { wallCommandSender } from '../../shared/walls/wall-command-sender';
import { pollWallFleet } from '../../shared/walls/wall-fleet-poll';
import { wallRowOf, type WallRow } from '../../shared/walls/wall-row';
import { wallsText, type WallsMessageKey } from '../../shared/walls/walls-messages';

/**
 * The duty officer's hold on the walls of the console's scope: each wall showing the scope or a place under it, with
 * 显示本范围 (its layout on the console's scope) and, while it plays a playlist, pause or resume. A reload is left to
 * the operators (/ops); the server refuses it from here.
 */
@Component({
  selector: 'gc-console-walls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './console-walls.component.css',
  template: `
    <section class="walls" data-console-walls>
      <h2>{{ t('walls.consoleTitle') }} · {{ rows().length }}</h2>
      @if (notice(); as n) {
        <p [class.bad]="!n.ok" role="status" data-wall-notice>{{ n.text }}</p>
      }
      @if (rows().length === 0) {
        <p class="muted">{{ t('walls.none') }}</p>
      }
      @for (row of rows(); track row.id) {
        <div class="wall" [attr.data-wall]="row.id" [class.stale]="row.stale !== null">
          <div>
            <strong>{{ row.label }}</strong>
            <span class="muted"> · {{ row.scopeName }} · {{ row.layout }}</span>
            @if (row.playing) {
              <div class="muted">{{ row.playlist }}@if (row.paused) { · {{ t('walls.paused') }} }</div>
            }
          </div>
          <div class="buttons">
            <button type="button" data-wall-show-here [disabled]="busy() || row.scope === scope().scope" (click)="send(row, { kind: 'show', layout: row.layout, scope: scope().scope })">
              {{ t('walls.showHere') }}
            </button>
            @if (row.playing) {
              @if (row.paused) {
                <button type="button" data-wall-resume [disabled]="busy()" (click)="send(row, { kind: 'resume' })">{{ t('walls.resume') }}</button>
              } @else {
                <button type="button" data-wall-pause [disabled]="busy()" (click)="send(row, { kind: 'pause' })">{{ t('walls.pause') }}</button>
              }
            }
          </div>
        </div>
      }
    </section>
  `,
})
export class ConsoleWallsComponent {
  readonly scope = input.required<ScopeDetail>();
  readonly lang = input.required<Lang>();

  private readonly poll = pollWallFleet();
  private readonly sender = wallCommandSender(() => this.lang(), () => this.poll.refresh());
  protected readonly busy = this.sender.busy;
  protected readonly notice = this.sender.notice;

  /** The walls on the console's scope or under it (the server already left out those outside the officer's grants). */
  protected readonly rows = computed(() => {
    const fleet = this.poll.fleet();
    const scope = this.scope().scope;
    if (fleet === null) return [];
    return fleet.walls.filter((wall) => isWithinGrants([scope], wall.health.scope)).map((wall) => wallRowOf(wall, this.lang(), fleet.staleAfterSeconds));
  });
  protected readonly t = (key: WallsMessageKey, params?: Parameters<typeof wallsText>[2]): string => wallsText(this.lang(), key, params);

  protected send(row: WallRow, command: WallCommand): Promise<void> {
    return this.sender.send(row, command);
  }
}
