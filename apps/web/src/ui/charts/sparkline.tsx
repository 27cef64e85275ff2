import { sparklinePath } from './sparkline-path';

interface SparklineProps {
  values: ReadonlyArray<number | null>;
  /** Accessible name, e.g. "Procedure lines by month, Jan 2025 to Dec 2025". */
  label: string;
  width?: number;
  height?: number;
}

/**
 * A small trend line drawn as plain SVG: six of them on one page cost no chart library
 * and no resize observers. The figures behind it are in the table next to the tiles.
 */
export function Sparkline({ values, label, width = 120, height = 32 }: SparklineProps) {
  const path = sparklinePath(values, { width, height, inset: 3 });
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="none"
    >
      {path ? <path d={path} vectorEffect="non-scaling-stroke" /> : null}
    </svg>
  );
}
