import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, ErrorHandler, computed, inject, signal } from '@angular/core';
import type { DeadLetter, OpsOverview } from '@grid-command/contracts';
import { NgxEchartsDirective } from 'ngx-echarts';
import { SessionService } from '../shared/auth/session.service';
import { ApiRequestError } from '../shared/data/api-request.error';
import { LangService } from '../shared/i18n/lang.service';
import { translate, type MessageKey, type MessageParams } from '../shared/i18n/messages';
import { clockFace, timeOfDay } from '../shared/time/clock-format';
import { DeploymentTimeZone } from '../shared/time/deployment-time-zone.service';
import { WallClock } from '../shared/time/wall-clock.service';
import { OpsApi } from './ops-api.service';
import { opsText, type OpsMessageKey } from './ops-messages';
import { formatRate, formatWait, headroomBar } from './ops-format';
import { opsTrendOption } from './ops-trend-option';
import { overviewState, POLL_EVERY_MS } from './overview-staleness';
import { problemOf } from './replay-problem';
import { OpsWallsComponent } from './walls/ops-walls.component';

/** A dead letter's report being corrected before its replay. */
interface Editing {
  readonly id: string;
  readonly text: string;
}

/**
 * 运维 (`/ops`, operator or admin): the pipeline's health, polled every 2 s while the tab is visible — rates, oldest
 * wait, queue, dead letters, stores, the headroom against the capacity the bench measured, a five-minute trend, the
 * connected screens with their freshness, and the dead letters with replay (as queued, or corrected first). A failed
 * poll keeps the last figures on screen, marked stale with the time of the last good update.
 */
@Component({
  selector: 'gc-ops',
  imports: [NgxEchartsDirective, OpsWallsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ops.component.html',
  styleUrls: ['../shared/desk-page.css', './ops.component.css'],
})
export class OpsComponent {
  private readonly api = inject(OpsApi);
  private readonly errors = inject(ErrorHandler);
  private readonly langService = inject(LangService);
  private readonly clock = inject(WallClock);
  private readonly deploymentZone = inject(DeploymentTimeZone).zone;
  private readonly document = inject(DOCUMENT);
  protected readonly session = inject(SessionService);

  protected readonly lang = this.langService.lang;
  protected readonly mayRead = computed(() => this.session.principal()?.roles.includes('operator') ?? false);
  protected readonly overview = signal<OpsOverview | null>(null);
  /** When the last overview arrived, on this machine's clock. */
  private readonly lastGoodAt = signal<number | null>(null);
  protected readonly pollProblem = signal<string | null>(null);
  protected readonly hidden = signal(this.document.hidden);
  protected readonly state = computed(() => overviewState(this.lastGoodAt(), this.pollProblem() !== null, this.clock.now()));

  protected readonly deadLetters = signal<readonly DeadLetter[] | null>(null);
  protected readonly deadLettersProblem = signal<string | null>(null);
  private deadLettersTotal: number | null = null;
  protected readonly editing = signal<Editing | null>(null);
  protected readonly replayNotice = signal<{ readonly ok: boolean; readonly text: string } | null>(null);
  protected readonly busy = signal(false);

  protected readonly headroom = computed(() => {
    const overview = this.overview();
    return overview === null ? null : headroomBar(overview.headroom, overview.capacity);
  });
  protected readonly trendOption = computed(() => {
    const overview = this.overview();
    return overview === null ? null : opsTrendOption(overview.trend, overview.timeZone, this.lang());
  });

  /** The page's own texts and the few it shares with the other desk pages (log out, language). */
  protected readonly t = (key: OpsMessageKey | MessageKey, params?: MessageParams): string =>
    isOpsKey(key) ? opsText(this.lang(), key, params) : translate(this.lang(), key, params);
  protected readonly rate = (perSecond: number): string => formatRate(perSecond, this.lang());
  protected readonly wait = (seconds: number): string => formatWait(seconds, this.lang());

  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor() {
    const onVisibility = (): void => {
      this.hidden.set(this.document.hidden);
      if (this.document.hidden) clearTimeout(this.timer);
      else this.pollSoon(0);
    };
    this.document.addEventListener('visibilitychange', onVisibility);
    inject(DestroyRef).onDestroy(() => {
      this.stopped = true;
      clearTimeout(this.timer);
      this.document.removeEventListener('visibilitychange', onVisibility);
    });
    if (this.mayRead()) this.pollSoon(0);
  }

  /** The page's zone (the server writes it in), else the overview's; a placeholder until either is known. */
  private readonly timeZone = computed(() => this.deploymentZone() ?? this.overview()?.timeZone ?? null);

  /** `18:05:09` in the deployment's time zone. */
  protected time(instant: string): string {
    return timeOfDay(Date.parse(instant), this.timeZone(), true);
  }

  protected dateTime(instant: string): string {
    const face = clockFace(Date.parse(instant), this.timeZone(), this.lang());
    return `${face.date} ${face.time}`;
  }

  protected edit(letter: DeadLetter): void {
    this.replayNotice.set(null);
    this.editing.set({ id: letter.id, text: JSON.stringify(letter.report, null, 2) });
  }

  protected replay(letter: DeadLetter): Promise<void> {
    return this.send(letter.id, undefined);
  }

  protected replayEdited(): Promise<void> {
    const editing = this.editing();
    if (editing === null) return Promise.resolve();
    let report: unknown;
    try {
      report = JSON.parse(editing.text);
    } catch (error) {
      this.replayNotice.set({ ok: false, text: this.t('ops.notJson', { message: (error as Error).message }) });
      return Promise.resolve();
    }
    return this.send(editing.id, report);
  }

  protected toggleLang(): void {
    this.langService.toggle();
  }

  protected logout(): Promise<void> {
    return this.session.logout();
  }

  private async send(id: string, report: unknown): Promise<void> {
    this.busy.set(true);
    this.replayNotice.set(null);
    try {
      await this.api.replay(id, report);
      this.editing.set(null);
      this.replayNotice.set({ ok: true, text: this.t('ops.replayed', { id }) });
      await this.loadDeadLetters();
    } catch (error) {
      this.errors.handleError(error);
      this.replayNotice.set({ ok: false, text: this.t('ops.replayFailed', { message: problemOf(error) }) });
    } finally {
      this.busy.set(false);
    }
  }

  private pollSoon(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped || this.document.hidden) return;
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    try {
      const overview = await this.api.overview();
      this.overview.set(overview);
      this.lastGoodAt.set(this.clock.read());
      this.pollProblem.set(null);
      // The list is read again only when the count moved, so a quiet pipeline costs one small request per poll.
      if (overview.deadLetters.total !== this.deadLettersTotal) {
        this.deadLettersTotal = overview.deadLetters.total;
        await this.loadDeadLetters();
      }
    } catch (error) {
      this.pollProblem.set(error instanceof ApiRequestError ? error.detail : String(error));
    } finally {
      this.pollSoon(POLL_EVERY_MS);
    }
  }

  private async loadDeadLetters(): Promise<void> {
    try {
      this.deadLetters.set((await this.api.deadLetters()).deadLetters);
      this.deadLettersProblem.set(null);
    } catch (error) {
      this.deadLettersTotal = null;
      this.deadLettersProblem.set(error instanceof ApiRequestError ? error.detail : String(error));
    }
  }
}

function isOpsKey(key: OpsMessageKey | MessageKey): key is OpsMessageKey {
  return key.startsWith('ops.');
}
