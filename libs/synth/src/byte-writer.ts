import { csvField } from './csv.js';

// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { floor } = Math;

/** Bytes of a CSV field, quoted if it needs it (so the bytes equal csvRow's text). */
export function fieldBytes(text: string): Uint8Array {
  return Buffer.from(csvField(text), 'utf8');
}

export function putBytes(buf: Uint8Array, pos: number, bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = 0; i < n; i++) buf[pos + i] = bytes[i];
  return pos + n;
}

export function putRange(buf: Uint8Array, pos: number, src: Uint8Array, length: number): number {
  for (let i = 0; i < length; i++) buf[pos + i] = src[i];
  return pos + length;
}

/** 0000 … 9999 as ASCII, 4 bytes each: numbers are written 4 digits at a time. */
const DIGITS4 = new Uint8Array(40_000);
for (let n = 0; n < 10_000; n++) {
  DIGITS4[4 * n] = 48 + floor(n / 1000);
  DIGITS4[4 * n + 1] = 48 + (floor(n / 100) % 10);
  DIGITS4[4 * n + 2] = 48 + (floor(n / 10) % 10);
  DIGITS4[4 * n + 3] = 48 + (n % 10);
}

/** The last `width` (1..4) digits of n < 10000, zero-padded. */
function putLow(buf: Uint8Array, pos: number, n: number, width: number): number {
  const from = 4 * n + 4 - width;
  for (let i = 0; i < width; i++) buf[pos + i] = DIGITS4[from + i];
  return pos + width;
}

/** A non-negative integer in decimal. */
export function putInt(buf: Uint8Array, pos: number, n: number): number {
  if (n < 10_000) return putLow(buf, pos, n, n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4);
  const hi = floor(n / 10_000);
  return putLow(buf, putInt(buf, pos, hi), n - hi * 10_000, 4);
}

/** n < 10^8 as exactly 8 digits. */
export function putPad8(buf: Uint8Array, pos: number, n: number): number {
  const hi = floor(n / 10_000);
  return putLow(buf, putLow(buf, pos, hi, 4), n - hi * 10_000, 4);
}

/** At least 6 digits, zero-padded. */
export function putPad6(buf: Uint8Array, pos: number, n: number): number {
  if (n >= 1_000_000) return putInt(buf, pos, n);
  const hi = floor(n / 10_000);
  return putLow(buf, putLow(buf, pos, hi, 2), n - hi * 10_000, 4);
}

/** Integer cents as `1234.56`. */
export function putCents(buf: Uint8Array, pos: number, cents: number): number {
  const whole = floor(cents / 100);
  pos = putInt(buf, pos, whole);
  buf[pos] = 46;
  return putLow(buf, pos + 1, cents - whole * 100, 2);
}
