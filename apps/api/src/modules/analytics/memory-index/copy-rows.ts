import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * Streams the rows of a query through COPY … TO STDOUT (text format), calling `onRow` with
 * each row's fields: far less memory and time than materialising millions of result rows.
 * Only for queries whose values have no tabs, newlines or backslashes (numbers and dates).
 */
export async function copyRows(client: PoolClient, query: string, onRow: (fields: string[]) => void): Promise<void> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('utf8');
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      onRow(text.slice(start, end).split('\t'));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') onRow(rest.split('\t'));
}
