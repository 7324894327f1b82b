import type { FieldIssue, LayoutChange, LayoutNotice, ServedDashboard } from '@grid-command/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { PipelineMetrics } from '../common/telemetry';
import { APP_CONFIG } from '../infrastructure/tokens';
import { checkLayoutText, isLayoutFileName, layoutNames, type LayoutText } from './dashboard-files';

/** An editor saves in bursts (truncate, write, rename): the file is read once it has been quiet this long. */
const SETTLE_MS = 200;

interface GoodLayout {
  readonly served: Omit<ServedDashboard, 'notice'>;
}

interface LayoutEntry {
  /** The last version that passed validation; null for a layout that never did. */
  good: GoodLayout | null;
  /** What is wrong with the file as it is now; null when it is the good version. */
  notice: LayoutNotice | null;
  /** The file's modification time and size when last read, to notice a change the watcher missed. */
  stamp: string;
}

type Listener = (change: LayoutChange) => void;

/**
 * The wall layouts of DASHBOARD_DIR in memory, each as its last good version: the directory is watched, a changed file
 * is validated, and a bad edit leaves the good version served with a notice of what is wrong (logged and counted once
 * per bad state). Every read also compares the file's mtime, for a change the watcher did not report (a network
 * share, an editor that replaced the directory entry). A bad file never stops the start-up: the other walls still run.
 */
@Injectable()
export class DashboardCatalog implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DashboardCatalog.name);
  private readonly layouts = new Map<string, LayoutEntry>();
  private readonly listeners = new Set<Listener>();
  private readonly settling = new Map<string, ReturnType<typeof setTimeout>>();
  /** One read per layout at a time: a request and the watcher never interleave their updates. */
  private readonly reading = new Map<string, Promise<void>>();
  private watcher: FSWatcher | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: PipelineMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const directory = this.config.dashboardDir;
    const names = await layoutNames(directory);
    for (const name of names) await this.refresh(name);
    const invalid = names.filter((name) => this.layouts.get(name)?.good === null);
    const summary = names.join(', ') || 'none';
    this.logger.log(`dashboards in ${directory}: ${summary}${invalid.length > 0 ? ` (invalid, not served until fixed: ${invalid.join(', ')})` : ''}`);
    this.watcher = watch(directory, { persistent: false }, (_event, file) => {
      if (typeof file === 'string' && isLayoutFileName(file)) this.settle(file.slice(0, -5));
    });
    this.watcher.on('error', (error) => this.logger.warn(`stopped watching ${directory} (${error.message}); changes are still seen on the next read`));
  }

  onModuleDestroy(): void {
    this.watcher?.close();
    for (const timer of this.settling.values()) clearTimeout(timer);
    this.settling.clear();
  }

  /** Calls `listener` whenever a layout's good version changes or a notice comes or goes; returns the unsubscribe. */
  onLayoutChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The layout as a wall gets it: 404 for none of that name, 503 naming the fields for one that was never valid. */
  async served(name: string): Promise<ServedDashboard> {
    const stamp = await stampOf(join(this.config.dashboardDir, `${name}.json`));
    if (stamp === null) {
      this.layouts.delete(name);
      throw new AppError('not_found', `no dashboard named ${name}`);
    }
    if (this.layouts.get(name)?.stamp !== stamp) await this.refresh(name);
    const entry = this.layouts.get(name);
    if (entry === undefined) throw new AppError('not_found', `no dashboard named ${name}`);
    if (entry.good === null) {
      const problems = entry.notice?.problems ?? [];
      const issues: FieldIssue[] = problems.map((problem) => ({ index: 0, path: problem.field, message: problem.en }));
      const detail = problems.map((problem) => `${problem.field || '(file)'}: ${problem.en}`).join('; ');
      throw new AppError('unavailable', `dashboard ${name}.json is invalid: ${detail}`, { issues, layoutProblems: problems });
    }
    return entry.notice === null ? entry.good.served : { ...entry.good.served, notice: entry.notice };
  }

  private settle(name: string): void {
    clearTimeout(this.settling.get(name));
    this.settling.set(
      name,
      setTimeout(() => {
        this.settling.delete(name);
        this.refresh(name).catch((error: Error) => this.logger.warn(`reading dashboard ${name} failed: ${error.message}`));
      }, SETTLE_MS),
    );
  }

  private refresh(name: string): Promise<void> {
    const previous = this.reading.get(name) ?? Promise.resolve();
    const next = previous.then(() => this.read(name));
    const settled = next.catch(() => undefined);
    this.reading.set(name, settled);
    void settled.then(() => {
      if (this.reading.get(name) === settled) this.reading.delete(name);
    });
    return next;
  }

  private async read(name: string): Promise<void> {
    const file = join(this.config.dashboardDir, `${name}.json`);
    const stamp = await stampOf(file);
    const text = stamp === null ? null : await readFile(file, 'utf8').catch(() => null);
    if (stamp === null || text === null) {
      // Removed: a wall asking for it next is told so; the one on screen keeps its panels.
      this.layouts.delete(name);
      return;
    }
    const entry = this.layouts.get(name) ?? { good: null, notice: null, stamp };
    entry.stamp = stamp;
    this.layouts.set(name, entry);
    this.apply(name, entry, checkLayoutText(text));
  }

  private apply(name: string, entry: LayoutEntry, checked: LayoutText): void {
    if (checked.ok) {
      // The first read of a layout is news to nobody; a new version, or a fix of a bad file, is.
      const changed = (entry.good !== null && entry.good.served.revision !== checked.revision) || entry.notice !== null;
      if (entry.notice !== null && entry.good !== null) this.logger.log(`dashboard ${name}.json is valid again (revision ${checked.revision})`);
      entry.good = { served: { ...checked.dashboard, name, revision: checked.revision } };
      entry.notice = null;
      if (changed) this.announce({ name, revision: checked.revision });
      return;
    }
    const sameProblems = entry.notice !== null && JSON.stringify(entry.notice.problems) === JSON.stringify(checked.problems);
    if (sameProblems) return;
    entry.notice = { file: `${name}.json`, since: new Date().toISOString(), problems: checked.problems };
    this.metrics.layoutRejected();
    const listed = checked.problems.map((problem) => `${problem.field || '(file)'}: ${problem.en}`).join('; ');
    if (entry.good === null) {
      this.logger.error(`dashboard ${name}.json is invalid and not served: ${listed}`);
      return;
    }
    this.logger.warn(`dashboard ${name}.json is invalid; still serving revision ${entry.good.served.revision}: ${listed}`);
    this.announce({ name, revision: entry.good.served.revision });
  }

  private announce(change: LayoutChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** Modification time and size of the file, or null when it is not there. */
async function stampOf(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? `${info.mtimeMs}:${info.size}` : null;
  } catch {
    return null;
  }
}
