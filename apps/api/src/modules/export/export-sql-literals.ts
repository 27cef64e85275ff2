import { escapeLiteral } from 'pg';
import type { SqlStatement } from '../analytics/aggregate-sql.js';

/**
 * A value as an SQL literal: text through pg's escapeLiteral (quotes doubled, and backslashes
 * doubled in an E'' string, safe whatever standard_conforming_strings says), numbers only when
 * finite, arrays element by element. Anything else is refused rather than guessed at.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') {
    // A NUL cannot be in PostgreSQL text, and would end the statement early on the wire.
    if (value.includes('\0')) throw new RangeError('an SQL literal cannot hold a NUL character');
    return escapeLiteral(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    // Parenthesised: a negative number after an operator or a cast stays one value.
    return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
  }
  if (Array.isArray(value)) {
    if (value.some(Array.isArray)) throw new RangeError('nested arrays are not SQL literals here');
    return `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  }
  throw new TypeError(`no SQL literal for a ${typeof value}`);
}

/**
 * The statement with its `$n` parameters written in as literals, for COPY (which takes no
 * parameters). One pass over the statement's own text: a literal put in is never read again,
 * so a value holding `$1` stays a value. Every `$n` must have its value, and the other way round.
 */
export function inlineParameters(statement: SqlStatement): string {
  const used = new Set<number>();
  const text = statement.text.replace(/\$(\d+)/g, (_, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= statement.values.length) throw new RangeError(`$${digits} has no value`);
    used.add(index);
    return sqlLiteral(statement.values[index]);
  });
  if (used.size !== statement.values.length) throw new RangeError('a parameter of the statement is not used');
  return text;
}
