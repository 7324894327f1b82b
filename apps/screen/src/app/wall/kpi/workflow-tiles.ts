import type { KpiComparison, KpiResponse, NotComparableReason, WorkflowFigures, WorkflowKpiKind } from '@grid-command/contracts';
import type { Lang } from '../../shared/config/wall-params';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import { formatCount } from '../../shared/i18n/number-format';
import { timeOfDay } from '../../shared/time/clock-format';
import { compareFigure, formatChange, type ChangeMeasure, type Direction, type Polarity, type Tone } from './kpi-change';
import { formatMinutes, formatRate } from './kpi-format';

interface FigureDefinition {
  readonly label: MessageKey;
  readonly measure: ChangeMeasure;
  readonly polarity: Polarity;
  /** The figure in the period's workflow figures; null where the contract keeps no past value to compare with. */
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

function valueText(kind: WorkflowKpiKind, response: KpiResponse, lang: Lang, timeZone: string | null): { value: string; unit: string; detail: string | null } {
  const current = response.current;
  const tickets = translate(lang, 'wf.unit.tickets');
  switch (kind) {
    case 'reported':
      // Tickets counted when the figures were computed; the headline's 今日受理量 is live, so it can be a few ahead.
      return { value: formatCount(current.reported, lang), unit: tickets, detail: translate(lang, 'wf.asOf', { time: timeOfDay(Date.parse(response.generatedAt), timeZone, true) }) };
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

/** What a tile says instead of an arrow when the contract says a change means nothing. */
const NOT_COMPARABLE_TEXT: Readonly<Record<NotComparableReason, MessageKey>> = {
  no_history: 'change.noData',
  not_started: 'change.notStarted',
  no_data: 'change.nothingToCompare',
  too_few_tickets: 'change.tooFew',
};

function changeView(kind: WorkflowKpiKind, response: KpiResponse, comparison: KpiComparison, label: MessageKey, lang: Lang): ChangeView {
  const definition = WORKFLOW_FIGURES[kind];
  const none = (text: string): ChangeView => ({ label: translate(lang, label), text, direction: 'none', tone: 'neutral' });
  if (definition.read === null || kind === 'overdue') return none(translate(lang, 'change.noData'));
  const figure = comparison.figures[kind];
  if (figure.status === 'not_comparable') return none(translate(lang, NOT_COMPARABLE_TEXT[figure.reason]));
  const change = compareFigure(definition.read(response.current), figure.baseline, definition.measure, definition.polarity);
  return {
    label: translate(lang, label),
    text: formatChange(change, definition.measure, lang),
    direction: change.kind === 'none' ? 'none' : change.direction,
    tone: change.kind === 'none' ? 'neutral' : change.tone,
  };
}

const BASIS_NOTE: Readonly<Record<KpiResponse['period'], MessageKey>> = {
  today: 'change.basis.today',
  week: 'change.basis.week',
  month: 'change.basis.month',
  custom: 'change.basis.custom',
};

/** How 环比 and 同比 were made, said once under the tiles: like with like, at the same point and the same age. */
export function comparisonBasisNote(response: KpiResponse, lang: Lang): string {
  return translate(lang, BASIS_NOTE[response.period]);
}

/**
 * The workflow KPI tiles in the order the dashboard lists them, each with its 环比 and 同比 as the contract
 * compares them; `timeZone` is the deployment's, in which the tiles say when the figures were counted.
 */
export function workflowTiles(response: KpiResponse, kinds: readonly WorkflowKpiKind[], lang: Lang, timeZone: string | null): WorkflowTile[] {
  return kinds.map((kind) => ({
    kind,
    label: translate(lang, WORKFLOW_FIGURES[kind].label),
    ...valueText(kind, response, lang, timeZone),
    alert: kind === 'overdue' && response.overdueNow > 0,
    changes: [changeView(kind, response, response.previousComparison, 'change.mom', lang), changeView(kind, response, response.lastYearComparison, 'change.yoy', lang)],
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
