/** Roughly how wide the ticker's text is, in design pixels at its 21 px font: CJK characters are square, the rest narrower. */
const WIDE_CHAR_PX = 21;
const NARROW_CHAR_PX = 11.5;
/** Dot, gaps and the margin between items. */
const ITEM_EXTRA_PX = 90;
const LABEL_PX = 200;

export interface TickerMotion {
  /** Whether the items overflow the strip and scroll; when they fit, they stand still (and are shown once). */
  readonly moving: boolean;
  /** Seconds for one pass of all items. */
  readonly seconds: number;
  /** How many times the items are laid out: twice while scrolling, so the loop has no seam. */
  readonly copies: readonly number[];
}

export function estimatedWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\uffff]/.test(char) ? WIDE_CHAR_PX : NARROW_CHAR_PX;
  return width;
}

/** Still when everything fits the strip, otherwise one pass at `speed` design pixels per second. */
export function tickerMotion(items: readonly { readonly text: string }[], panelWidth: number, speed: number): TickerMotion {
  const width = items.reduce((total, item) => total + estimatedWidth(item.text) + ITEM_EXTRA_PX, 0);
  if (width <= panelWidth - LABEL_PX) return { moving: false, seconds: 0, copies: [0] };
  return { moving: true, seconds: Math.max(8, Math.round(width / speed)), copies: [0, 1] };
}
