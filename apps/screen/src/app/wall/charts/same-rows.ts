/**
 * True when two row lists hold the same values in the same order. Keep-alive snapshots repeat the data with a
 * new `asOf`; comparing rows spares the charts (the map has hundreds of regions) a redraw that changes nothing.
 */
export function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((row, index) => {
    const other = b[index];
    if (other === undefined) return false;
    const keys = Object.keys(row) as Array<keyof T>;
    return keys.length === Object.keys(other).length && keys.every((key) => row[key] === other[key]);
  });
}
