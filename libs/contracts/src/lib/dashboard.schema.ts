import { z } from 'zod';
import { scopeIdSchema } from './scope.schema';

const label = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const KPI_KINDS = ['reported', 'lastHour', 'activeGrids', 'peakPerMinute'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

/** Figures of the ticket workflow (`GET /api/v1/kpis`) a `workflow-kpis` panel can show, each with 环比 and 同比. */
export const WORKFLOW_KPI_KINDS = [
  'reported',
  'dispatched',
  'resolved',
  'closingRate',
  'onTimeRate',
  'overdue',
  'satisfactionRate',
  'reopenRate',
  'timeToDispatch',
  'timeToResolve',
] as const;
export type WorkflowKpiKind = (typeof WORKFLOW_KPI_KINDS)[number];

const position = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case'),
  title: label.optional(),
  /** Cells on the layout grid, origin top-left. */
  x: z.int().nonnegative(),
  y: z.int().nonnegative(),
  w: z.int().positive(),
  h: z.int().positive(),
};

export const panelSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...position, type: z.literal('kpis'), options: z.strictObject({ items: z.array(z.enum(KPI_KINDS)).min(1).max(6) }) }),
  z.strictObject({ ...position, type: z.literal('trend'), options: z.strictObject({ area: z.boolean().default(true) }).default({ area: true }) }),
  z.strictObject({
    ...position,
    type: z.literal('category-mix'),
    options: z.strictObject({ style: z.enum(['pie', 'bar']).default('pie') }).default({ style: 'pie' }),
  }),
  z.strictObject({
    ...position,
    type: z.literal('ranking'),
    options: z.strictObject({ limit: z.int().min(1).max(30).default(10) }).default({ limit: 10 }),
  }),
  z.strictObject({ ...position, type: z.literal('map'), options: z.strictObject({ level: z.literal('grid').default('grid') }).default({ level: 'grid' }) }),
  z.strictObject({ ...position, type: z.literal('clock'), options: z.strictObject({}).default({}) }),
  z.strictObject({ ...position, type: z.literal('freshness'), options: z.strictObject({}).default({}) }),
  z.strictObject({
    ...position,
    type: z.literal('workflow-kpis'),
    options: z
      .strictObject({
        items: z.array(z.enum(WORKFLOW_KPI_KINDS)).min(1).max(WORKFLOW_KPI_KINDS.length).default([...WORKFLOW_KPI_KINDS]),
        /** Tiles per row. */
        columns: z.int().min(1).max(WORKFLOW_KPI_KINDS.length).default(5),
      })
      .default({ items: [...WORKFLOW_KPI_KINDS], columns: 5 }),
  }),
  z.strictObject({
    ...position,
    type: z.literal('overdue-list'),
    options: z.strictObject({ limit: z.int().min(1).max(30).default(10) }).default({ limit: 10 }),
  }),
  z.strictObject({ ...position, type: z.literal('resolve-distribution'), options: z.strictObject({}).default({}) }),
  /** Child units by closing rate (the KPI ranking), with too-small units apart as 样本不足; a row drills down. */
  z.strictObject({
    ...position,
    type: z.literal('closing-ranking'),
    options: z.strictObject({ limit: z.int().min(1).max(30).default(10) }).default({ limit: 10 }),
  }),
  /**
   * The active alerts of the wall's scope scrolling past, with who acknowledged, which department is on it, how long
   * it has been open and its escalations; a storm is one item with its count. Watched over socket.io (`watchAlerts`).
   */
  z.strictObject({
    ...position,
    type: z.literal('alert-ticker'),
    options: z
      .strictObject({
        /** At most this many items scroll past (the most urgent); the rest are counted. */
        limit: z.int().min(1).max(50).default(20),
        /** Scrolling speed in design pixels per second. */
        speed: z.int().min(20).max(400).default(90),
      })
      .default({ limit: 20, speed: 90 }),
  }),
]);
export type Panel = z.infer<typeof panelSchema>;
export type PanelType = Panel['type'];

/**
 * A wall's layout: which panels, where, with which options. Loaded at run time from `dashboards/*.json`
 * so a district can change its wall without rebuilding the screen.
 */
export const dashboardSchema = z
  .strictObject({
    version: z.literal(1),
    title: label,
    scope: scopeIdSchema,
    grid: z.strictObject({ columns: z.int().min(1).max(48), rows: z.int().min(1).max(48) }),
    /** Data older than this is shown as stale. */
    staleAfterSeconds: z.int().min(2).max(3600),
    /** How often the workflow KPIs (`GET /api/v1/kpis`) are fetched again. */
    kpiRefreshSeconds: z.int().min(5).max(600).default(15),
    panels: z.array(panelSchema).min(1),
  })
  .superRefine((dashboard, ctx) => {
    const ids = new Set<string>();
    dashboard.panels.forEach((panel, index) => {
      if (ids.has(panel.id)) {
        ctx.addIssue({ code: 'custom', path: ['panels', index, 'id'], message: `duplicate panel id "${panel.id}"` });
      }
      ids.add(panel.id);
      if (panel.x + panel.w > dashboard.grid.columns || panel.y + panel.h > dashboard.grid.rows) {
        ctx.addIssue({ code: 'custom', path: ['panels', index], message: `panel "${panel.id}" does not fit the ${dashboard.grid.columns}×${dashboard.grid.rows} grid` });
      }
    });
  });
export type Dashboard = z.infer<typeof dashboardSchema>;
