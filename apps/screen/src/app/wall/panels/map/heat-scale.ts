/** Even when every grid is quiet the colour scale keeps some range, so one report does not paint a grid red. */
const MIN_SCALE_MAX = 5;

/** The top of the map's colour scale: the hottest grid rounded up to 1, 2 or 5 times a power of ten. */
export function heatScaleMax(counts: Iterable<number>): number {
  let hottest = 0;
  for (const count of counts) hottest = Math.max(hottest, count);
  if (hottest <= MIN_SCALE_MAX) return MIN_SCALE_MAX;
  const magnitude = 10 ** Math.floor(Math.log10(hottest));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= hottest) ?? 10;
  return step * magnitude;
}

/** Value for every grid of the map: its reports in the last hour, zero for grids that are not in `heat`. */
export function heatByGrid(gridCodes: readonly string[], heat: ReadonlyArray<{ gridCode: string; count: number }>): Array<{ name: string; value: number }> {
  const counts = new Map(heat.map((row) => [row.gridCode, row.count]));
  return gridCodes.map((code) => ({ name: code, value: counts.get(code) ?? 0 }));
}
