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
 * The video-wall arrangements a layout can be designed for, as design pixels: one 1080p screen (16:9), two or three
 * side by side (32:9, 48:9), four in a square (2x2). The stage scales that design as one piece to the screens.
 */
export const WALL_CANVASES = {
  '16:9': { width: 1920, height: 1080 },
  '32:9': { width: 3840, height: 1080 },
  '48:9': { width: 5760, height: 1080 },
  '2x2': { width: 3840, height: 2160 },
} as const satisfies Record<string, CanvasSize>;
export type WallCanvasName = keyof typeof WALL_CANVASES;

export interface CanvasSize {
  readonly width: number;
  readonly height: number;
}

/** A named arrangement, or an explicit design size for a wall of another shape. */
export const canvasSchema = z.union([
  z.enum(Object.keys(WALL_CANVASES) as [WallCanvasName, ...WallCanvasName[]]),
  z.strictObject({ width: z.int().min(960).max(15360), height: z.int().min(540).max(8640) }),
]);
export type Canvas = z.infer<typeof canvasSchema>;

/** The design size, in pixels, a layout's panels are laid out on. */
export function canvasSize(canvas: Canvas): CanvasSize {
  return typeof canvas === 'string' ? WALL_CANVASES[canvas] : canvas;
}

const dashboardShape = {
  version: z.literal(1),
  title: label,
  scope: scopeIdSchema,
  /** The wall's shape; a layout without one is designed for one 1080p screen. */
  canvas: canvasSchema.default('16:9'),
  /** Up to 96 cells each way: a 48:9 wall keeps a single screen's 24 columns per screen. */
  grid: z.strictObject({ columns: z.int().min(1).max(96), rows: z.int().min(1).max(96) }),
  /** Data older than this is shown as stale. */
  staleAfterSeconds: z.int().min(2).max(3600),
  /**
   * How old the workflow KPIs may get before their panels say so. They are pushed when they change and at least
   * every LIVE_KPI_HEARTBEAT_MS of the server (30 s by default), so keep this above that; a silent link is flagged
   * sooner anyway, from the heartbeat. (It replaces `kpiRefreshSeconds`: nothing is polled any more.)
   */
  kpiStaleAfterSeconds: z.int().min(10).max(3600).default(90),
  panels: z.array(panelSchema).min(1),
};

/** Panels with unique ids that fit the grid; a custom issue carries its Chinese wording in `params.zh`. */
function checkPanels(dashboard: { grid: { columns: number; rows: number }; panels: readonly Panel[] }, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const { columns, rows } = dashboard.grid;
  dashboard.panels.forEach((panel, index) => {
    if (ids.has(panel.id)) {
      ctx.addIssue({ code: 'custom', path: ['panels', index, 'id'], message: `duplicate panel id "${panel.id}"`, params: { zh: `面板 id "${panel.id}" 重复` } });
    }
    ids.add(panel.id);
    if (panel.x + panel.w > columns || panel.y + panel.h > rows) {
      ctx.addIssue({
        code: 'custom',
        path: ['panels', index],
        message: `panel "${panel.id}" does not fit the ${columns}×${rows} grid`,
        params: { zh: `面板 "${panel.id}" 超出了 ${columns}×${rows} 的网格` },
      });
    }
  });
}

/**
 * A wall's layout: which panels, where, with which options, on which canvas. Loaded at run time from
 * `dashboards/*.json` so a district can change its wall without rebuilding the screen.
 */
export const dashboardSchema = z.strictObject(dashboardShape).superRefine(checkPanels);
export type Dashboard = z.infer<typeof dashboardSchema>;

/** One thing wrong with a layout file, naming the field, worded for the wall in both its languages. */
export const layoutProblemSchema = z.strictObject({ field: z.string(), zh: z.string(), en: z.string() });
export type LayoutProblem = z.infer<typeof layoutProblemSchema>;

/**
 * Served with a layout whose file was edited into something invalid: the wall keeps this (the last good) version
 * and says what is wrong with the file until someone fixes it.
 */
export const layoutNoticeSchema = z.strictObject({
  file: z.string(),
  /** When the server first saw the file in this state. */
  since: z.iso.datetime({ offset: true }),
  problems: z.array(layoutProblemSchema).min(1),
});
export type LayoutNotice = z.infer<typeof layoutNoticeSchema>;

/** `GET /api/v1/dashboards/:name`: the layout, its name and revision (a hash of the file), and a notice if any. */
export const servedDashboardSchema = z
  .strictObject({
    ...dashboardShape,
    name: z.string(),
    /** Changes whenever the served version changes; walls and /ops say which version is on screen. */
    revision: z.string().regex(/^[0-9a-f]{8,64}$/),
    notice: layoutNoticeSchema.optional(),
  })
  .superRefine(checkPanels);
export type ServedDashboard = z.infer<typeof servedDashboardSchema>;
