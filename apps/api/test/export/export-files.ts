import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { AuditResponse } from '@caseload/contracts';
import type { TestApp } from '../support/test-app.js';

/** A cell read back from any format: a label, a number, or null for an empty cell. */
export type Cell = string | number | null;

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function download(t: TestApp, query: string, token?: string): Promise<Download> {
  const response = await t.request('GET', `/api/v1/export?${query}`, token === undefined ? {} : { token });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export async function downloadOk(t: TestApp, query: string, token?: string): Promise<Download> {
  const file = await download(t, query, token);
  if (file.status !== 200) throw new Error(`export ${query} answered ${file.status}: ${file.bytes.toString('utf8')}`);
  return file;
}

/** The CSV's header and rows, numbers as numbers (the columns after `labels` are measures). */
export function csvTable(text: string, labels: number): { header: string[]; rows: Cell[][] } {
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  return { header: header!, rows: rows.map((row) => row.map((cell, c) => (cell === '' ? null : c < labels ? cell : Number(cell)))) };
}

export async function xlsxTable(bytes: Buffer): Promise<{ header: string[]; rows: Cell[][]; manifest: Map<string, string>; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const data = workbook.getWorksheet('Data')!;
  const values = (row: ExcelJS.Row): Cell[] =>
    Array.from({ length: data.columnCount }, (_, c) => {
      const value = row.getCell(c + 1).value;
      return value === null || value === undefined || value === '' ? null : (value as string | number);
    });
  const rows: Cell[][] = [];
  data.eachRow({ includeEmpty: false }, (row) => rows.push(values(row)));
  const manifest = new Map<string, string>();
  workbook.getWorksheet('Manifest')!.eachRow((row, n) => {
    if (n > 1) manifest.set(String(row.getCell(1).value), String(row.getCell(2).value));
  });
  return { header: rows[0]!.map(String), rows: rows.slice(1), manifest, workbook };
}

export function arrowTable(bytes: Buffer): { header: string[]; rows: Cell[][]; metadata: Map<string, string> } {
  const table = tableFromIPC(bytes);
  const header = table.schema.fields.map((field) => field.name);
  const rows = table.toArray().map((row: Record<string, Cell>) => header.map((name) => row[name] ?? null));
  return { header, rows, metadata: table.schema.metadata };
}

/** The PDF's text as poppler's pdftotext lays it out. */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseload-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function exportAudits(t: TestApp): Promise<AuditResponse['entries']> {
  return (await t.getJson<AuditResponse>('/api/v1/audit?action=export&limit=1000')).entries;
}
