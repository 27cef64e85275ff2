/** (current − previous) ÷ previous; null when there was nothing a year earlier. */
export function percentChange(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}

/** `+12.3 %`, `−4.0 %`, `0.0 %`; `new` when there was nothing a year earlier; `—` when neither has any. */
export function formatPercentChange(current: number, previous: number): string {
  const percent = percentChange(current, previous);
  if (percent === null) return current > 0 ? 'new' : '—';
  const shown = Math.abs(percent * 100).toFixed(1);
  const sign = shown === '0.0' ? '' : percent > 0 ? '+' : '\u2212';
  return `${sign}${shown}\u00a0%`;
}

/** A signed count: `+1,234`, `−56`, `0`. */
export function formatSignedCount(value: number, format: (n: number) => string): string {
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return `${sign}${format(Math.abs(value))}`;
}
