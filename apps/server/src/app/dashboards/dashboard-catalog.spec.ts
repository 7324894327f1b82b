import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { LayoutChange } from '@grid-command/contracts';
import { Logger } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { AppError } from '../common/errors/app-error';
import { PipelineMetrics } from '../common/telemetry';
import { DashboardCatalog } from './dashboard-catalog.service';

const SHIPPED = join(__dirname, '../../../../../dashboards/leader-wall.json');
const layout = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { title: { zh: string; en: string }; grid: { columns: number } };

function titled(zh: string): string {
  return JSON.stringify({ ...layout, title: { ...layout.title, zh } }, null, 2);
}

async function rejections(metrics: PipelineMetrics): Promise<number> {
  const metric = await metrics.registry.getSingleMetric('gridcommand_dashboard_layout_rejections_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** A change that the watcher may or may not have seen yet: the next read compares the file's mtime and size. */
function rewrite(directory: string, name: string, text: string): void {
  writeFileSync(join(directory, `${name}.json`), text);
}

describe('DashboardCatalog', () => {
  let directory: string;
  let metrics: PipelineMetrics;
  let catalog: DashboardCatalog;
  let changes: LayoutChange[];

  beforeEach(() => {
    Logger.overrideLogger(false);
    directory = mkdtempSync(join(tmpdir(), 'dashboards-'));
    metrics = new PipelineMetrics();
    catalog = new DashboardCatalog({ dashboardDir: directory } as AppConfig, metrics);
    changes = [];
    catalog.onLayoutChange((change) => changes.push(change));
  });

  afterEach(() => {
    catalog.onModuleDestroy();
    rmSync(directory, { recursive: true, force: true });
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('serves a layout with its name and a revision that follows the file', async () => {
    rewrite(directory, 'leader-wall', titled('第一版'));
    await catalog.onModuleInit();
    const first = await catalog.served('leader-wall');
    expect(first).toMatchObject({ name: 'leader-wall', title: { zh: '第一版' } });
    expect(first.notice).toBeUndefined();

    rewrite(directory, 'leader-wall', titled('第二版'));
    const second = await catalog.served('leader-wall');
    expect(second.title.zh).toBe('第二版');
    expect(second.revision).not.toBe(first.revision);
    expect(changes).toEqual([{ name: 'leader-wall', revision: second.revision }]);
  });

  it('keeps the last good version through a bad edit, with a notice naming the file and the field, counted once', async () => {
    rewrite(directory, 'leader-wall', titled('好的'));
    await catalog.onModuleInit();
    const good = await catalog.served('leader-wall');

    rewrite(directory, 'leader-wall', JSON.stringify({ ...layout, grid: { ...layout.grid, columns: 100 } }));
    const held = await catalog.served('leader-wall');
    expect(held.title.zh).toBe('好的');
    expect(held.revision).toBe(good.revision);
    expect(held.notice).toMatchObject({ file: 'leader-wall.json', problems: [{ field: 'grid.columns', zh: '不能大于 96' }] });
    // The wall on screen is told, to show the notice.
    expect(changes).toEqual([{ name: 'leader-wall', revision: good.revision }]);

    // The same bad state read again is neither counted nor announced again.
    writeFileSync(join(directory, 'leader-wall.json'), JSON.stringify({ ...layout, grid: { ...layout.grid, columns: 100 } }) + '\n');
    await catalog.served('leader-wall');
    expect(await rejections(metrics)).toBe(1);
    expect(changes).toHaveLength(1);

    rewrite(directory, 'leader-wall', titled('修好了'));
    const fixed = await catalog.served('leader-wall');
    expect(fixed.notice).toBeUndefined();
    expect(fixed.title.zh).toBe('修好了');
    expect(changes.at(-1)).toEqual({ name: 'leader-wall', revision: fixed.revision });
  });

  it('starts with a broken file among good ones, answering 503 with its problems for that one only', async () => {
    rewrite(directory, 'leader-wall', titled('好的'));
    rewrite(directory, 'typo-wall', '{ "version": 1, ');
    await catalog.onModuleInit();
    expect((await catalog.served('leader-wall')).title.zh).toBe('好的');

    const error = await refusal(catalog.served('typo-wall'));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('typo-wall.json');
    expect(error.details.layoutProblems?.[0]?.zh).toMatch(/^不是有效的 JSON/);
    expect(await rejections(metrics)).toBe(1);
  });

  it('answers 404 for a layout that is not there, and for one whose file was removed', async () => {
    rewrite(directory, 'leader-wall', titled('好的'));
    await catalog.onModuleInit();
    expect((await refusal(catalog.served('no-such-wall'))).code).toBe('not_found');
    unlinkSync(join(directory, 'leader-wall.json'));
    expect((await refusal(catalog.served('leader-wall'))).code).toBe('not_found');
  });

  it('sees an edit through the directory watcher without being asked', async () => {
    rewrite(directory, 'leader-wall', titled('第一版'));
    await catalog.onModuleInit();
    const announced = new Promise<LayoutChange>((resolve) => catalog.onLayoutChange(resolve));
    rewrite(directory, 'leader-wall', titled('第二版'));
    const change = await announced;
    expect(change.name).toBe('leader-wall');
    expect((await catalog.served('leader-wall')).revision).toBe(change.revision);
  });

  it('ignores files that are not layouts (the playlists and Grafana folders, notes)', async () => {
    rewrite(directory, 'leader-wall', titled('好的'));
    writeFileSync(join(directory, 'README.md'), '# notes');
    await catalog.onModuleInit();
    expect(await rejections(metrics)).toBe(0);
  });
});
