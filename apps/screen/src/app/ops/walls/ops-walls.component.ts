import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { layoutFileNameSchema, scopeIdSchema, type WallCommand } from '@grid-command/contracts';
import { LangService } from '../../shared/i18n/lang.service';
import { wallCommandSender } from '../../shared/walls/wall-command-sender';
import { pollWallFleet } from '../../shared/walls/wall-fleet-poll';
import { wallRowOf, type WallRow } from '../../shared/walls/wall-row';
import { wallsText, type WallsMessageKey } from '../../shared/walls/walls-messages';

/** The switch form of one wall: a layout (on a scope, or the layout's own) or a playlist. */
interface Switching {
  readonly id: string;
  readonly kind: 'show' | 'playlist';
  readonly name: string;
  readonly scope: string;
}

/**
 * The walls list on `/ops`: every connected wall with its latest health (layout and revision, scope by name, playlist
 * position, link, data age, heap, frame rate, uptime, reloads), a wall that stopped reporting marked, and per wall
 * the remote controls: reload, switch (layout + scope, or a playlist), pause and resume.
 */
@Component({
  selector: 'gc-ops-walls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ops.component.css', './ops-walls.component.css'],
  template: `
    <section class="card" data-ops-walls>
      <h2>{{ t('walls.title') }} · {{ rows().length }}</h2>
      @if (poll.problem(); as problem) {
        <p class="status--error" role="status">{{ t('walls.unavailable', { message: problem }) }}</p>
      }
      @if (notice(); as n) {
        <p [class.status--error]="!n.ok" [class.ok]="n.ok" role="status" data-wall-notice>{{ n.text }}</p>
      }
      @if (rows().length === 0) {
        <p class="muted">{{ t('walls.none') }}</p>
      } @else {
        <table>
          <tr>
            <th>{{ t('walls.wall') }}</th>
            <th>{{ t('walls.layout') }}</th>
            <th>{{ t('walls.scope') }}</th>
            <th>{{ t('walls.playlist') }}</th>
            <th>{{ t('walls.link') }}</th>
            <th>{{ t('walls.dataAge') }}</th>
            <th>{{ t('walls.heap') }}</th>
            <th>{{ t('walls.fps') }}</th>
            <th>{{ t('walls.uptime') }}</th>
            <th>{{ t('walls.reloads') }}</th>
            <th class="actions">{{ t('walls.actions') }}</th>
          </tr>
          @for (row of rows(); track row.id) {
            <tr [attr.data-wall]="row.id" [class.stale]="row.stale !== null">
              <td>
                <strong data-wall-label>{{ row.label }}</strong>
                @if (row.owner; as owner) {
                  <div class="below">{{ owner }}</div>
                }
                @if (row.stale; as stale) {
                  <div class="flag">{{ stale }}</div>
                }
              </td>
              <td data-wall-layout>
                {{ row.layout }}
                @if (row.revision; as revision) {
                  <div class="below"><code>{{ revision }}</code></div>
                }
              </td>
              <td data-wall-scope><span [title]="row.scope">{{ row.scopeName }}</span></td>
              <td data-wall-playlist>
                {{ row.playlist }}
                @if (row.paused) {
                  <div class="below">{{ t('walls.paused') }}</div>
                }
              </td>
              <td [class.flag]="!row.linkLive" data-wall-link>{{ row.link }}</td>
              <td>{{ row.dataAge }}</td>
              <td data-wall-heap>{{ row.heap }}</td>
              <td data-wall-fps>{{ row.fps }}</td>
              <td>{{ row.uptime }}</td>
              <td data-wall-reloads>{{ row.reloads }}</td>
              <td class="actions">
                <button type="button" class="btn" data-wall-reload [disabled]="busy()" (click)="send(row, { kind: 'reload' })">{{ t('walls.reload') }}</button>
                <button type="button" class="btn" data-wall-switch [disabled]="busy()" (click)="openSwitch(row)">{{ t('walls.switch') }}</button>
                @if (row.playing) {
                  @if (row.paused) {
                    <button type="button" class="btn" data-wall-resume [disabled]="busy()" (click)="send(row, { kind: 'resume' })">{{ t('walls.resume') }}</button>
                  } @else {
                    <button type="button" class="btn" data-wall-pause [disabled]="busy()" (click)="send(row, { kind: 'pause' })">{{ t('walls.pause') }}</button>
                  }
                }
              </td>
            </tr>
            @if (switching()?.id === row.id) {
              <tr class="switch-row">
                <td colspan="11">
                  <form class="switch" data-wall-switch-form (submit)="$event.preventDefault(); submitSwitch(row)">
                    <span>{{ t('walls.switchTo') }}</span>
                    <select [value]="switching()!.kind" (change)="patchSwitch({ kind: $any($event.target).value })">
                      <option value="show">{{ t('walls.kind.show') }}</option>
                      <option value="playlist">{{ t('walls.kind.playlist') }}</option>
                    </select>
                    <input data-switch-name [placeholder]="t('walls.layoutName')" [value]="switching()!.name" (input)="patchSwitch({ name: $any($event.target).value })" />
                    @if (switching()!.kind === 'show') {
                      <input data-switch-scope [placeholder]="t('walls.scopeId')" [value]="switching()!.scope" (input)="patchSwitch({ scope: $any($event.target).value })" />
                    }
                    <button type="submit" class="btn" [disabled]="busy()">{{ t('walls.send') }}</button>
                    <button type="button" class="btn" (click)="switching.set(null)">{{ t('walls.cancel') }}</button>
                  </form>
                </td>
              </tr>
            }
          }
        </table>
      }
    </section>
  `,
})
export class OpsWallsComponent {
  private readonly lang = inject(LangService).lang;
  protected readonly poll = pollWallFleet();
  private readonly sender = wallCommandSender(() => this.lang(), () => this.poll.refresh());
  protected readonly busy = this.sender.busy;
  protected readonly notice = this.sender.notice;
  protected readonly switching = signal<Switching | null>(null);

  protected readonly rows = computed(() => {
    const fleet = this.poll.fleet();
    return fleet === null ? [] : fleet.walls.map((wall) => wallRowOf(wall, this.lang(), fleet.staleAfterSeconds));
  });
  protected readonly t = (key: WallsMessageKey, params?: Parameters<typeof wallsText>[2]): string => wallsText(this.lang(), key, params);

  protected openSwitch(row: WallRow): void {
    this.notice.set(null);
    this.switching.set({ id: row.id, kind: 'show', name: row.layout, scope: row.scope });
  }

  protected patchSwitch(change: Partial<Switching>): void {
    const current = this.switching();
    if (current !== null) this.switching.set({ ...current, ...change });
  }

  protected submitSwitch(row: WallRow): Promise<void> {
    const form = this.switching();
    if (form === null) return Promise.resolve();
    const name = form.name.trim();
    const scope = form.scope.trim();
    // Checked here for a message at once; the server checks the same schema.
    if (!layoutFileNameSchema.safeParse(name).success || (form.kind === 'show' && scope !== '' && !scopeIdSchema.safeParse(scope).success)) {
      this.notice.set({ ok: false, text: this.t('walls.failed', { message: `${name} ${scope}`.trim() }) });
      return Promise.resolve();
    }
    const command: WallCommand = form.kind === 'playlist' ? { kind: 'playlist', name } : scope === '' ? { kind: 'show', layout: name } : { kind: 'show', layout: name, scope };
    return this.send(row, command).then(() => {
      if (this.notice()?.ok) this.switching.set(null);
    });
  }

  protected send(row: WallRow, command: WallCommand): Promise<void> {
    return this.sender.send(row, command);
  }
}
