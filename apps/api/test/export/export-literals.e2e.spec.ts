// A streamed export reads its rows through COPY, which takes no parameters: the filter values are
// written into the statement as literals. Values built to break out of a literal (quotes,
// backslashes, `$1`, a statement after a semicolon) must reach PostgreSQL as the text they are,
// and come back through COPY's text format unchanged.
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ExportService } from '../../src/modules/export/export.service.js';
import { CopyLineSplitter, copyField } from '../../src/modules/export/export-copy-text.js';
import { sqlLiteral } from '../../src/modules/export/export-sql-literals.js';
import type { TestApp } from '../support/test-app.js';
import { WHOLE, aggregate, startScenarioApp } from '../aggregate/scenario.js';
import { csvTable, downloadOk } from './export-files.js';

const HOSTILE = [
  "O'Brien",
  "x' OR '1'='1",
  "'; DROP TABLE department; --",
  'back\\slash',
  "\\' OR 1=1 --",
  '$1',
  '$2::text',
  "E'\\x41'",
  '"double" quotes',
  'Été €',
  '\\N',
];

async function copyBack(db: Client, select: string): Promise<Array<string | null>> {
  const lines = new CopyLineSplitter();
  const seen: string[] = [];
  for await (const chunk of db.query(copyTo(`COPY (${select}) TO STDOUT`)) as AsyncIterable<Buffer>) seen.push(...lines.push(chunk));
  seen.push(...lines.end());
  return seen.flatMap((line) => line.split('\t').map(copyField));
}

describe('filter values written into a streamed export as literals', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startScenarioApp();
    t.app.get(ExportService).streamAboveRows = 0;
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it.each(HOSTILE)('reaches PostgreSQL and comes back through COPY as the same text: %s', async (value) => {
    expect(await copyBack(db, `SELECT ${sqlLiteral(value)}::text`)).toEqual([value]);
    expect(await copyBack(db, `SELECT unnest(${sqlLiteral([value, 'CARD'])}::text[])`)).toEqual([value, 'CARD']);
  });

  it('matches nothing more than the real department among hostile ones, and leaves the tables alone', async () => {
    const departments = ['CARD', ...HOSTILE].map(encodeURIComponent).join(',');
    const query = `measures=lines,charges&groupBy=period,code&grain=quarter&${WHOLE}&suppress=false`;
    const hostile = await downloadOk(t, `${query}&department=${departments}&format=csv`);
    const plain = await downloadOk(t, `${query}&department=CARD&format=csv`);
    expect(hostile.bytes.toString('utf8')).toBe(plain.bytes.toString('utf8'));
    const answer = await aggregate(t, `${query.replace('&suppress=false', '')}&department=CARD`);
    const { rows } = csvTable(plain.bytes.toString('utf8'), 2);
    expect(rows.slice(0, -1)).toEqual(answer.rows.map((row) => [row['period'], row['code'], row['lines'], row['charges']]));
    expect((await db.query('SELECT count(*)::int AS n FROM department')).rows[0].n).toBeGreaterThan(0);
  });
});
