export interface SparklineBox {
  width: number;
  height: number;
  /** Room kept at the top and bottom so the stroke is not clipped. */
  inset?: number;
}

/**
 * An SVG path through the values, left to right, scaled to the box; a null value breaks
 * the line rather than pretending to be zero. A series that never changes sits mid-height.
 */
export function sparklinePath(values: ReadonlyArray<number | null>, box: SparklineBox): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const inset = box.inset ?? 0;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const stepX = values.length > 1 ? box.width / (values.length - 1) : 0;
  const usableHeight = box.height - 2 * inset;
  const y = (v: number): number =>
    max === min ? box.height / 2 : inset + usableHeight - ((v - min) / (max - min)) * usableHeight;

  let path = '';
  let penDown = false;
  values.forEach((value, index) => {
    if (value === null) {
      penDown = false;
      return;
    }
    const x = values.length > 1 ? index * stepX : box.width / 2;
    path += `${penDown ? 'L' : 'M'}${round(x)} ${round(y(value))}`;
    penDown = true;
  });
  return path;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
