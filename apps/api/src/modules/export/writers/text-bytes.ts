/**
 * A file's text (sheet XML, CSV lines) written as bytes into one buffer reused batch after
 * batch: a million rows written as strings leave a million strings (and their UTF-8 copies) for
 * the collector, which lets them pile up by the hundred megabytes before it catches up.
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
const COMMA = 0x2c;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const AT = 0x40;

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

export class TextBytes {
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
   * A number spelled as `spell` spells it (by default String(), as `${value}` does), when
   * `spell` agrees with String() on integers and on whole cents, as the CSV writer's does.
   * Integers below 1e15 and whole cents below 1e12 (a money value, and there the two-decimal
   * spelling is the shortest that reads back as the same double, which is what JavaScript
   * writes) are written digit by digit; anything else through `spell`.
   */
  number(value: number, spell: (value: number) => string = String): void {
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
    this.ascii(spell(value));
  }

  /** UTF-8 text escaped for an XML element: `<>&'"` as entities, forbidden control characters dropped. */
  xmlText(source: Uint8Array, start: number, end: number): void {
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

  /**
   * UTF-8 text as a CSV field, as the CSV writer writes a label: a leading apostrophe before what
   * a spreadsheet would run as a formula, then RFC 4180 quotes (quotes doubled) when it holds a
   * quote, a comma or a line break.
   */
  csvField(source: Uint8Array, start: number, end: number): void {
    let quoted = false;
    for (let i = start; i < end && !quoted; i++) {
      const byte = source[i];
      quoted = byte === QUOT || byte === COMMA || byte === CR || byte === LF;
    }
    if (quoted) this.raw(QUOTE_BYTE);
    if (start < end && formulaStart(source[start])) this.raw(APOSTROPHE_BYTE);
    if (!quoted) {
      this.raw(source.subarray(start, end));
      return;
    }
    let from = start;
    for (let i = start; i < end; i++) {
      if (source[i] !== QUOT) continue;
      // The quote is written twice: once with the run before it, once again here.
      this.raw(source.subarray(from, i + 1));
      this.raw(QUOTE_BYTE);
      from = i + 1;
    }
    this.raw(source.subarray(from, end));
    this.raw(QUOTE_BYTE);
  }
}

const MINUS_BYTE = Uint8Array.of(MINUS);
const QUOTE_BYTE = Uint8Array.of(QUOT);
const APOSTROPHE_BYTE = Uint8Array.of(APOS);

/** The first bytes that make a spreadsheet read a cell as a formula (neutraliseFormula's list). */
function formulaStart(byte: number | undefined): boolean {
  return byte === EQUALS || byte === PLUS || byte === MINUS || byte === AT || byte === TAB || byte === CR;
}
