import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, inject, input, output, signal, viewChild } from '@angular/core';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { ViewportService } from '../stage/viewport.service';
import type { WallChartOption } from './wall-chart-option';

/**
 * One ECharts chart on the wall. Every update is merged into the live chart (`setOption` without `notMerge`)
 * so it animates in place; the chart is only re-created when the stage scale changes its pixel ratio, because
 * ECharts fixes the canvas resolution at creation and the stage's CSS scale would otherwise blur it.
 */
@Component({
  selector: 'gc-wall-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-chart-drawn]': 'drawn()' },
  template: `<div
    class="chart"
    echarts
    [options]="base"
    [merge]="option()"
    [initOpts]="initOpts()"
    (chartInit)="onChartInit()"
    (chartFinished)="drawn.set(true)"
    (chartClick)="chartClick.emit($event)"
  ></div>`,
  styles: `
    :host {
      display: block;
      position: relative;
      width: 100%;
      height: 100%;
    }
    .chart {
      position: absolute;
      inset: 0;
    }
  `,
})
export class WallChartComponent {
  readonly option = input.required<WallChartOption>();
  /** A click on a data item (a grid of the map, a bar). */
  readonly chartClick = output<ECElementEvent>();

  private readonly viewport = inject(ViewportService);
  private readonly chart = viewChild.required(NgxEchartsDirective);
  private createdAtRatio: number | null = null;

  protected readonly base: WallChartOption = { backgroundColor: 'transparent' };
  protected readonly initOpts = computed(() => ({ devicePixelRatio: this.viewport.chartPixelRatio(), renderer: 'canvas' }));
  protected readonly drawn = signal(false);

  constructor() {
    // After render, so the directive already holds the new initOpts when it re-creates the chart.
    afterRenderEffect(() => {
      const ratio = this.viewport.chartPixelRatio();
      if (this.createdAtRatio === null || ratio === this.createdAtRatio) return;
      this.createdAtRatio = ratio;
      void this.chart().refreshChart();
    });
  }

  protected onChartInit(): void {
    this.createdAtRatio = this.initOpts().devicePixelRatio;
  }
}
