import type { ImportStatusResponse } from '@caseload/contracts';
import { importStatusLabel, isUnderWay } from '../import-status';
import { anyUnderWay, formatDepartments, toImportRows } from '../import-rows';

const OPTIONS = { locale: 'en-US', timeZone: 'UTC', now: new Date('2026-06-01T12:00:00.000Z') };

function item(overrides: Partial<ImportStatusResponse>): ImportStatusResponse {
  return {
    id: 1,
    status: 'completed',
    fileName: 'a.csv',
    progress: 1,
    rowsTotal: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    departmentsCreated: [],
    unknownColumns: [],
    error: null,
    createdAt: '2026-03-07T10:00:00.000Z',
    finishedAt: '2026-03-07T10:01:00.000Z',
    ...overrides,
  };
}

describe('importStatusLabel', () => {
  it('names every state in words, with a tone for its icon and colour', () => {
    expect(importStatusLabel('queued')).toEqual({ label: 'Queued', tone: 'waiting' });
    expect(importStatusLabel('running')).toEqual({ label: 'Running', tone: 'working' });
    expect(importStatusLabel('completed')).toEqual({ label: 'Completed', tone: 'done' });
    expect(importStatusLabel('failed')).toEqual({ label: 'Failed', tone: 'failed' });
  });

  it('counts queued and running imports as under way, and the others as ended', () => {
    expect(['queued', 'running', 'completed', 'failed'].map((s) => isUnderWay(s as ImportStatusResponse['status']))).toEqual([true, true, false, false]);
  });
});

describe('toImportRows', () => {
  it('puts the newest import first and prints counts, dates and departments', () => {
    const rows = toImportRows(
      [
        item({ id: 1, fileName: 'january.csv', rowsTotal: 1250, rowsLoaded: 1248, rowsRejected: 2, createdAt: '2026-01-31T08:00:00.000Z', finishedAt: '2026-01-31T08:02:00.000Z' }),
        item({ id: 2, fileName: 'february.csv', departmentsCreated: ['ONC', 'PEDS'], createdAt: '2026-02-28T09:30:00.000Z', finishedAt: null, status: 'running' }),
      ],
      OPTIONS,
    );
    expect(rows.map((row) => row.fileName)).toEqual(['february.csv', 'january.csv']);
    expect(rows[0]).toMatchObject({ statusLabel: 'Running', tone: 'working', started: 'Feb 28, 9:30 AM', finished: '—', finishedAt: null, departmentsCreated: 'ONC, PEDS', error: null });
    expect(rows[1]).toMatchObject({ rowsTotal: '1,250', rowsLoaded: '1,248', rowsRejected: '2', rejectedCount: 2, finished: 'Jan 31, 8:02 AM', departmentsCreated: '—' });
  });

  it('prints the year only for a date of another year', () => {
    const [row] = toImportRows([item({ createdAt: '2025-12-31T23:30:00.000Z', finishedAt: '2026-01-01T00:10:00.000Z' })], OPTIONS);
    expect([row?.started, row?.finished]).toEqual(['Dec 31, 2025, 11:30 PM', 'Jan 1, 12:10 AM']);
  });

  it('orders imports started in the same instant by id, newest first', () => {
    expect(toImportRows([item({ id: 3 }), item({ id: 5 }), item({ id: 4 })], OPTIONS).map((row) => row.id)).toEqual([5, 4, 3]);
  });

  it('shows a refused file with its reason and dashes instead of counts it never had', () => {
    const [row] = toImportRows([item({ status: 'failed', fileName: null, id: 9, error: 'The file lacks the required column code; nothing was imported.' })], OPTIONS);
    expect(row).toMatchObject({
      fileName: 'Import 9',
      statusLabel: 'Failed',
      tone: 'failed',
      error: 'The file lacks the required column code; nothing was imported.',
      rowsTotal: '—',
      rowsLoaded: '—',
      rowsRejected: '—',
    });
  });

  it('gives a failed import without a reason a sentence all the same', () => {
    expect(toImportRows([item({ status: 'failed', error: null })], OPTIONS)[0]?.error).toBe('The import failed; the server gave no reason.');
  });
});

describe('formatDepartments', () => {
  it('lists a few codes and counts the rest', () => {
    expect(formatDepartments([])).toBe('—');
    expect(formatDepartments(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])).toBe('A, B, C, D, E, F and 2 more');
  });
});

describe('anyUnderWay', () => {
  it('is true while any import is queued or running', () => {
    expect(anyUnderWay(undefined)).toBe(false);
    expect(anyUnderWay([item({ status: 'completed' }), item({ status: 'failed' })])).toBe(false);
    expect(anyUnderWay([item({ status: 'completed' }), item({ status: 'queued' })])).toBe(true);
  });
});
