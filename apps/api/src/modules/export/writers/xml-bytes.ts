/**
 * Sheet XML written as bytes into one buffer reused batch after batch: a million rows written as
 * strings leave a million strings (and their UTF-8 copies) for the collector, which lets them
 * pile up by the hundred megabytes before it catches up.
 */

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const APOS = 0x27;
const QUOT = 0x22;
const DEL = 0x7f;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

const ENTITIES = new Map<number, Buffer>([
  [LT, Buffer.from('&lt;')],
  [GT, Buffer.from('&gt;')],
  [AMP, Buffer.from('&amp;')],
  [APOS, Buffer.from('&apos;')],
  [QUOT, Buffer.from('&quot;')],
]);

/** A byte XML text escapes (`<>&'"`) or drops (the control characters XML 1.0 forbids), as exceljs does. */
function special(byte: number): boolean {
  return byte === LT || byte === GT || byte === AMP || byte === APOS || byte === QUOT || byte === DEL || (byte < 0x20 && byte !== TAB && byte !== LF && byte !== CR);
}

export class XmlBytes {
  private buffer = Buffer.allocUnsafe(1 << 20);
  size = 0;

  /** What was written since the last reset: a view, valid until the next write. */
  view(): Buffer {
    return this.buffer.subarray(0, this.size);
  }

  reset(): void {
    this.size = 0;
  }

  private reserve(more: number): void {
    if (this.size + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.size + more));
    this.buffer.copy(grown, 0, 0, this.size);
    this.buffer = grown;
  }

  /** Bytes as they are (markup made once, ASCII or UTF-8). */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
  }

  private ascii(text: string): void {
    this.reserve(text.length);
    this.size += this.buffer.write(text, this.size, 'latin1');
  }

  /** A non-negative integer below 2^53, in decimal digits. */
  private digits(value: number): void {
    let length = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) length++;
    this.reserve(length);
    let rest = value;
    for (let i = this.size + length - 1; i >= this.size; i--) {
      const next = Math.floor(rest / 10);
      this.buffer[i] = ZERO + (rest - next * 10);
      rest = next;
    }
    this.size += length;
  }

  /** A row or column number. */
  integer(value: number): void {
    this.digits(value);
  }

  /**
   * A number spelled as `${value}` spells it. Integers below 1e15 and whole cents below 1e12 (a
   * money value, and there the two-decimal spelling is the shortest that reads back as the same
   * double, which is what JavaScript writes) are written digit by digit; anything else through
   * String().
   */
  number(value: number): void {
    const magnitude = Math.abs(value);
    if (Number.isInteger(value) && magnitude < 1e15) {
      if (value < 0) this.raw(MINUS_BYTE);
      this.digits(magnitude);
      return;
    }
    if (magnitude < 1e12) {
      const cents = Math.round(magnitude * 100);
      if (cents / 100 === magnitude) {
        if (value < 0) this.raw(MINUS_BYTE);
        const whole = Math.floor(cents / 100);
        const fraction = cents - whole * 100;
        this.digits(whole);
        this.reserve(3);
        this.buffer[this.size++] = DOT;
        this.buffer[this.size++] = ZERO + Math.floor(fraction / 10);
        if (fraction % 10 !== 0) this.buffer[this.size++] = ZERO + (fraction % 10);
        return;
      }
    }
    this.ascii(String(value));
  }

  /** UTF-8 text escaped for an XML element: `<>&'"` as entities, forbidden control characters dropped. */
  text(source: Uint8Array, start: number, end: number): void {
    let from = start;
    for (let i = start; i < end; i++) {
      const byte = source[i]!;
      if (!special(byte)) continue;
      this.raw(source.subarray(from, i));
      const entity = ENTITIES.get(byte);
      if (entity !== undefined) this.raw(entity);
      from = i + 1;
    }
    this.raw(source.subarray(from, end));
  }
}

const MINUS_BYTE = Uint8Array.of(MINUS);
