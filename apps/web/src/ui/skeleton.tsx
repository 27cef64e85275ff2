import type { CSSProperties } from 'react';

/** A grey placeholder block of a fixed size; purely visual, hidden from screen readers. */
export function Skeleton({ width, height, className }: { width?: CSSProperties['width']; height: number; className?: string }) {
  return <span className={className ? `skeleton ${className}` : 'skeleton'} style={{ width, height }} aria-hidden="true" />;
}
