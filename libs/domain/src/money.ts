// Money is integer cents inside; dollars only at the edge (API numbers, display).

import { got } from './reasons.js';

export type MoneyParse = { ok: true; cents: number } | { ok: false; reason: string };

export const MAX_CENTS = 9_999_999_999;

const RANGE = 'an amount from 0 to 99,999,999.99 with at most 2 decimal places';
// Integer part either grouped by commas in threes or plain digits; the fraction is
// checked separately so that "12.345" gets its own reason.
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?$/;

// The common shape of an export (digits, optional 1–2 decimals), read without regex groups.
const PLAIN = /^\d{1,8}(?:\.\d{1,2})?$/;

export function parseMoney(text: string): MoneyParse {
  const raw = text.trim();
  if (raw === '') return { ok: true, cents: 0 };
  if (PLAIN.test(raw)) {
    const dot = raw.indexOf('.');
    if (dot < 0) return { ok: true, cents: Number(raw) * 100 };
    return { ok: true, cents: Number(raw.slice(0, dot)) * 100 + Number(raw.slice(dot + 1).padEnd(2, '0')) };
  }
  const bad = got(raw);
  const body = raw.replace(/^\$\s*/, '');
  if (/^[-(]/.test(body)) {
    return { ok: false, reason: `must not be negative: use ${RANGE} ${bad}` };
  }
  const m = AMOUNT.exec(body);
  if (!m || (m[1] === '' && m[2] === undefined)) {
    const reason = /^[\d,]*,[\d,]*(?:\.\d+)?$/.test(body)
      ? `must use commas only between groups of three digits, e.g. 1,234.50 ${bad}`
      : `must be ${RANGE} ${bad}`;
    return { ok: false, reason };
  }
  const whole = m[1]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, reason: `must be ${RANGE} ${bad}` };
  // Eight whole digits at most keeps every step below exact-integer limits.
  if (whole.length > 8) return { ok: false, reason: `must be at most 99,999,999.99 ${bad}` };
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, cents };
}

/** Dividing an integer by 100 rounds once, to the double nearest the decimal amount. */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

/** Exact conversion of a dollar amount that has at most two decimals (e.g. from the API). */
export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

export const NO_VALUE = '—';

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const COMPACT_STEPS: ReadonlyArray<readonly [number, string]> = [
  [1e3, 'k'],
  [1e6, 'M'],
  [1e9, 'B'],
  [1e12, 'T'],
];

/** `950`, `1.2k`, `3.4M`, `1.2B`; below 1,000 keeps one decimal at most (`12.3`). */
export function formatCompactNumber(n: number | null): string {
  return isShown(n) ? signed(n, compact(Math.abs(n), 1)) : NO_VALUE;
}

/** `$950`, `$1.2k`, `$3.4M`; below $1,000 rounds to whole dollars. */
export function formatCompactMoney(dollars: number | null): string {
  return isShown(dollars) ? signed(dollars, `$${compact(Math.abs(dollars), 0)}`) : NO_VALUE;
}

/** `$1,234.50`, `-$12.00`. */
export function formatMoney(dollars: number | null): string {
  return isShown(dollars) ? moneyFormat.format(dollars) : NO_VALUE;
}

/** A rate 0..1 as a percentage with one decimal: 0.041 → `4.1%`. */
export function formatPercent(rate: number | null): string {
  return isShown(rate) ? `${(rate * 100).toFixed(1)}%` : NO_VALUE;
}

/** `1,234,567`. */
export function formatInteger(n: number | null): string {
  return isShown(n) ? integerFormat.format(n) : NO_VALUE;
}

function compact(abs: number, smallDigits: number): string {
  const f = 10 ** smallDigits;
  let scaled = Math.round(abs * f) / f;
  let suffix = '';
  // Step up after rounding, so that 999,960 reads `1M` rather than `1000k`.
  for (const [size, s] of COMPACT_STEPS) {
    if (scaled < 1000) break;
    scaled = Math.round((abs / size) * 10) / 10;
    suffix = s;
  }
  return `${oneDecimal.format(scaled)}${suffix}`;
}

// A value that rounds to zero is shown without a minus sign.
function signed(n: number, text: string): string {
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

function isShown(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}
