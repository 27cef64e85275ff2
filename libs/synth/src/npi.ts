import type { Sfc32 } from './prng.js';

/** NPI check digit: Luhn over the card-issuer prefix 80840 followed by the first 9 digits. */
export function npiCheckDigit(first9: string): number {
  const digits = `80840${first9}`;
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A random, well-formed individual NPI (starts with 1), distinct from those in `taken`. */
export function randomNpi(rng: Sfc32, taken: Set<string>): string {
  for (;;) {
    const first9 = String(100_000_000 + Math.floor(rng.next() * 900_000_000)).replace(/^./, '1');
    const npi = first9 + npiCheckDigit(first9);
    if (!taken.has(npi)) {
      taken.add(npi);
      return npi;
    }
  }
}
