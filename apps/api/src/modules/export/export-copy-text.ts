/**
 * Reading COPY … TO STDOUT in its text format: one row a line, fields split by tabs, `\N` for
 * null, and backslash escapes for the backslashes, tabs, newlines and other control characters
 * inside a value (so a line break in the data is never a raw newline).
 */

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A text field as its value: null for `\N`, escapes undone. */
export function copyField(text: string): string | null {
  if (text === '\\N') return null;
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (_, escape: string) => {
    if (escape.length > 1 && escape[0] === 'x') return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ESCAPES[escape] ?? escape;
  });
}

const NEWLINE = 0x0a;

/**
 * Cuts the bytes of a COPY stream into lines. A chunk can end inside a line (or inside a UTF-8
 * character): only whole lines are decoded, the rest waits for the next chunk.
 */
export class CopyLineSplitter {
  private rest: Buffer = Buffer.alloc(0);

  /** The whole lines the chunk completes, without their newlines. */
  push(chunk: Buffer): string[] {
    const end = chunk.lastIndexOf(NEWLINE);
    if (end < 0) {
      this.rest = Buffer.concat([this.rest, chunk]);
      return [];
    }
    const text = (this.rest.length === 0 ? chunk.subarray(0, end) : Buffer.concat([this.rest, chunk.subarray(0, end)])).toString('utf8');
    this.rest = Buffer.from(chunk.subarray(end + 1));
    return text.split('\n');
  }

  /** What is left once the stream has ended: nothing, when the stream ended with a whole line. */
  end(): string[] {
    const text = this.rest.toString('utf8');
    this.rest = Buffer.alloc(0);
    return text === '' ? [] : [text];
  }
}
