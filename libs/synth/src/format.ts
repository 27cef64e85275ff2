/**
 * String building for the hot path: lookup tables instead of number → string conversion,
 * which dominates the cost of a row otherwise.
 */
// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { floor } = Math;

const table = (size: number, width: number): string[] =>
  Array.from({ length: size }, (_, i) => String(i).padStart(width, '0'));

const CENTS = table(100, 2).map((c) => `.${c}`);
const DOLLARS = table(10_000, 1);
const PAD4 = table(10_000, 4);

/** '0' … '1440' as strings (units, minutes, line numbers). */
export const SMALL_INTS: readonly string[] = DOLLARS.slice(0, 1441);

/** Integer cents → `1234.56`. */
export function formatCents(cents: number): string {
  const whole = floor(cents / 100);
  const frac = CENTS[cents - whole * 100];
  return whole < 10_000 ? DOLLARS[whole] + frac : String(whole) + frac;
}

/** A non-negative integer < 10^8 as exactly 8 digits. */
export function pad8(n: number): string {
  const hi = floor(n / 10_000);
  return PAD4[hi] + PAD4[n - hi * 10_000];
}

/** A non-negative integer as at least 6 digits. */
export function pad6(n: number): string {
  if (n >= 1_000_000) return String(n);
  const hi = floor(n / 10_000);
  return PAD4[hi].slice(2) + PAD4[n - hi * 10_000];
}
