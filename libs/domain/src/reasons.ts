// Reasons quote the bad value so a person can find it, cut short so that a runaway
// field (a whole row pasted into one cell) cannot flood the import report.

const MAX_QUOTED = 40;

export function quote(v: string): string {
  return `"${v.length > MAX_QUOTED ? `${v.slice(0, MAX_QUOTED - 1)}…` : v}"`;
}

export function got(v: string): string {
  return `(got ${quote(v)})`;
}
