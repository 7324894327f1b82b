import type { KpiResponse, WorkflowFigures, WorkflowKpiKind } from '@grid-command/contracts';
import type { Lang } from '../../shared/config/wall-params';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import { formatCount } from '../../shared/i18n/number-format';
import { compareFigure, formatChange, type ChangeMeasure, type Direction, type Polarity, type Tone } from './kpi-change';
import { formatMinutes, formatRate } from './kpi-format';

interface FigureDefinition {
  readonly label: MessageKey;
  readonly measure: ChangeMeasure;
  readonly polarity: Polarity;
  /** The figure in one period's workflow figures; null where the contract has no such figure for past periods. */
  readonly read: ((figures: WorkflowFigures) => number | null) | null;
}

/**
 * What each tile shows and which way is good news. Reports received are neutral (more reports can mean more
 * problems or more trust); overdue, reopens and waiting times are better when they fall.
 */
export const WORKFLOW_FIGURES: Readonly<Record<WorkflowKpiKind, FigureDefinition>> = {
  reported: { label: 'wf.reported', measure: 'count', polarity: 'neutral', read: (f) => f.reported },
  dispatched: { label: 'wf.dispatched', measure: 'count', polarity: 'neutral', read: (f) => f.dispatched },
  resolved: { label: 'wf.resolved', measure: 'count', polarity: 'higher-is-better', read: (f) => f.resolved },
  closingRate: { label: 'wf.closingRate', measure: 'rate', polarity: 'higher-is-better', read: (f) => f.closingRate },
  onTimeRate: { label: 'wf.onTimeRate', measure: 'rate', polarity: 'higher-is-better', read: (f) => f.onTimeRate },
  // overdueNow is a count of right now; the contract keeps no past value of it, so there is nothing to compare.
  overdue: { label: 'wf.overdue', measure: 'count', polarity: 'lower-is-better', read: null },
  satisfactionRate: { label: 'wf.satisfactionRate', measure: 'rate', polarity: 'higher-is-better', read: (f) => f.satisfactionRate },
  reopenRate: { label: 'wf.reopenRate', measure: 'rate', polarity: 'lower-is-better', read: (f) => f.reopenRate },
  timeToDispatch: { label: 'wf.timeToDispatch', measure: 'duration', polarity: 'lower-is-better', read: (f) => f.timeToDispatch.medianMinutes },
  timeToResolve: { label: 'wf.timeToResolve', measure: 'duration', polarity: 'lower-is-better', read: (f) => f.timeToResolve.medianMinutes },
};

export interface ChangeView {
  /** 环比 or 同比. */
  readonly label: string;
  readonly text: string;
  readonly direction: Direction | 'none';
  readonly tone: Tone;
}

export interface WorkflowTile {
  readonly kind: WorkflowKpiKind;
  readonly label: string;
  /** The figure as shown; a dash when unknown. */
  readonly value: string;
  readonly unit: string;
  /** A second line under the figure: p90 of a duration, "now" for overdue. */
  readonly detail: string | null;
  /** Bad news now, whatever the trend: overdue tickets exist. */
  readonly alert: boolean;
  readonly changes: readonly [ChangeView, ChangeView];
}

function valueText(kind: WorkflowKpiKind, response: KpiResponse, lang: Lang): { value: string; unit: string; detail: string | null } {
  const current = response.current;
  const tickets = translate(lang, 'wf.unit.tickets');
  switch (kind) {
    case 'reported':
    case 'dispatched':
    case 'resolved':
      return { value: formatCount(current[kind], lang), unit: tickets, detail: null };
    case 'overdue':
      return { value: formatCount(response.overdueNow, lang), unit: tickets, detail: translate(lang, 'wf.overdueNow') };
    case 'closingRate':
    case 'onTimeRate':
    case 'satisfactionRate':
    case 'reopenRate':
      return { value: formatRate(current[kind], lang), unit: '', detail: null };
    case 'timeToDispatch':
    case 'timeToResolve': {
      const stats = current[kind];
      return {
        value: formatMinutes(stats.medianMinutes, lang),
        unit: stats.medianMinutes === null ? '' : translate(lang, 'wf.median'),
        detail: translate(lang, 'wf.p90', { value: formatMinutes(stats.p90Minutes, lang) }),
      };
    }
  }
}

function changeView(kind: WorkflowKpiKind, response: KpiResponse, baseline: WorkflowFigures | null, label: MessageKey, lang: Lang): ChangeView {
  const definition = WORKFLOW_FIGURES[kind];
  const read = definition.read;
  const change = read === null || baseline === null ? ({ kind: 'none' } as const) : compareFigure(read(response.current), read(baseline), definition.measure, definition.polarity);
  return {
    label: translate(lang, label),
    text: formatChange(change, definition.measure, lang),
    direction: change.kind === 'none' ? 'none' : change.direction,
    tone: change.kind === 'none' ? 'neutral' : change.tone,
  };
}

/** The workflow KPI tiles in the order the dashboard lists them, each with its 环比 and 同比. */
export function workflowTiles(response: KpiResponse, kinds: readonly WorkflowKpiKind[], lang: Lang): WorkflowTile[] {
  return kinds.map((kind) => ({
    kind,
    label: translate(lang, WORKFLOW_FIGURES[kind].label),
    ...valueText(kind, response, lang),
    alert: kind === 'overdue' && response.overdueNow > 0,
    changes: [changeView(kind, response, response.previous, 'change.mom', lang), changeView(kind, response, response.lastYear, 'change.yoy', lang)],
  }));
}

/** Tiles before the first answer: labels with dashes, so the panel keeps its shape while it loads. */
export function placeholderTiles(kinds: readonly WorkflowKpiKind[], lang: Lang): WorkflowTile[] {
  const none: ChangeView = { label: '', text: '', direction: 'none', tone: 'neutral' };
  return kinds.map((kind) => ({
    kind,
    label: translate(lang, WORKFLOW_FIGURES[kind].label),
    value: '—',
    unit: '',
    detail: null,
    alert: false,
    changes: [
      { ...none, label: translate(lang, 'change.mom') },
      { ...none, label: translate(lang, 'change.yoy') },
    ],
  }));
}
