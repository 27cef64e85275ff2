import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidParameterException } from './app.exception.js';

/** Refuses any query parameter a route does not read, naming the first one: a typo never passes silently. */
export function rejectUnknownParameters(query: Record<string, unknown>, accepted: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!accepted.includes(name)) {
      const known = accepted.length === 0 ? 'this route takes no query parameters' : `the parameters are ${accepted.join(', ')}`;
      throw new InvalidParameterException(name.slice(0, 64), `is not a parameter of this route; ${known}`);
    }
  }
}

/** The largest id a PostgreSQL `integer` / `serial` column holds. */
export const MAX_SERIAL_ID = 2_147_483_647;

/**
 * A path id that fits the `serial` columns it is looked up in: 1 … 2147483647 in plain digits.
 * (Nest's ParseIntPipe lets 99999999999 through, and PostgreSQL then fails the query.)
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly name = 'id') {}

  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(id >= 1 && id <= MAX_SERIAL_ID)) throw new InvalidParameterException(this.name, `must be a whole number from 1 to ${MAX_SERIAL_ID}`);
    return id;
  }
}
