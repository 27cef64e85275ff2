#!/usr/bin/env node
/**
 * Derives the per-specialty procedure code mix that the demo-data generator draws from.
 *
 * Run by hand (no dependencies) when the source data changes:
 *
 *   node tools/synth/derive-code-mix.mjs [PUF.tsv] [OUT.ts]
 *
 * Defaults: PUF = /work/shared/data/cms-physician-supplier-puf-2012-sample/
 *                 physician_supplier_puf_cy2012_subset.tsv
 *           OUT = libs/synth/src/code-mix.generated.ts (relative to the repository root)
 * Env: CASELOAD_REFDATA (default /work/shared/data) locates the current code lists below.
 *
 * Input: CMS "Medicare Provider Utilization and Payment Data: Physician and Other Supplier
 * PUF, CY2012" (public domain). Per provider type (specialty) it keeps the top codes by
 * beneficiary-day services — our proxy for claim lines, because line_srvc_cnt counts units
 * (drug milligrams, contrast millilitres) — and per code the units per line and the
 * average submitted charge, Medicare allowed and Medicare paid amount per unit.
 *
 * Licensing: the PUF carries AMA CPT short descriptors. This script reads only code values
 * and numbers; it never reads the descriptor column, provider names, addresses or NPIs.
 *
 * Codes retired since 2012 are moved to their successor code (CROSSWALK) or dropped, so the
 * demo is priceable against the current fee schedule. "Current" = present in the 2025 PFS
 * RVU file, the 2026 OPPS Addendum B or the 2023 HCPCS Level II file (code column only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const refData = process.env.CASELOAD_REFDATA ?? '/work/shared/data';
const pufPath = process.argv[2] ?? join(refData, 'cms-physician-supplier-puf-2012-sample/physician_supplier_puf_cy2012_subset.tsv');
const outPath = process.argv[3] ?? join(repoRoot, 'libs/synth/src/code-mix.generated.ts');

const MIN_ROWS = 30; // a specialty needs this many provider×code rows to be represented
const MIN_CODES = 10;
const TOP_CODES = 36;
/** Ambulance mileage and roster billing are not department work; the 2012 Medicare file's
 *  few "Pediatric Medicine" rows are therapy and sleep codes, not paediatric care. */
const EXCLUDED = new Set(['Ambulance Service Supplier', 'Mass Immunization Roster Biller', 'Pediatric Medicine']);
const VALID_CODE = /^(\d{5}|\d{4}[AMFTU]|[A-V]\d{4})$/;
/** Retired codes kept on purpose: 99201 shows the dashboard's `other` section. */
const KEEP = new Set(['99201']);
/** 2012 code → current successor (code numbers only). Unlisted retired codes are dropped. */
const CROSSWALK = {
  71010: '71045', 71020: '71046', 73500: '73501', 73510: '73502', 73520: '73523', 73550: '73552',
  74000: '74018', 74020: '74019', 76645: '76641', 77057: '77067', G0202: '77067',
  G0204: '77066', G0206: '77065', 77418: '77385', 77413: '77412', 77414: '77412', 77421: '77387',
  90801: '90791', 90804: '90832', 90805: '90833', 90806: '90834', 90807: '90836', 90808: '90837',
  90816: '90832', 90817: '90833', 90818: '90834', 96103: '96146', 97001: '97161', 97002: '97164',
  97003: '97165', 11100: '11102', 11101: '11103', '00740': '00731', '00810': '00811', 62311: '62323',
  92225: '92201', 92226: '92202', 94620: '94618', 99144: '99152', 92980: '92928',
  99217: '99238', 99218: '99221', 99219: '99222', 99220: '99223', 99224: '99231', 99225: '99232',
  99226: '99233', 99334: '99347', 99335: '99348', 99336: '99349', 99337: '99350',
  99354: '99417', 99355: '99417',
};

function firstColumn(path, { skip = 1, encoding = 'utf8', filter = () => true } = {}) {
  const codes = new Set();
  const lines = readFileSync(path, encoding).split(/\r?\n/).slice(skip);
  for (const line of lines) {
    const cells = line.split(',');
    if (!filter(cells)) continue;
    const code = cells[0].replace(/^\uFEFF/, '').replaceAll('"', '').trim().toUpperCase();
    if (VALID_CODE.test(code)) codes.add(code);
  }
  return codes;
}

function currentCodes() {
  return new Set([
    ...firstColumn(join(refData, 'cms-pfs-rvu-2025/PPRRVU2025_Oct.csv'), { skip: 10 }),
    ...firstColumn(join(refData, 'cms-opps-addendum-b/opps_addendum_b_2026-04.csv'), { encoding: 'latin1' }),
    ...firstColumn(join(refData, 'cms-hcpcs-level2/tuva_hcpcs_level_2_2023.csv'), { filter: (c) => c[2] === '3' }),
  ]);
}

function aggregate(current) {
  const [header, ...rows] = readFileSync(pufPath, 'utf8').split(/\r?\n/);
  const col = Object.fromEntries(header.split('\t').map((name, i) => [name, i]));
  const need = ['provider_type', 'hcpcs_code', 'line_srvc_cnt', 'bene_day_srvc_cnt',
    'average_submitted_chrg_amt', 'average_Medicare_allowed_amt', 'average_Medicare_payment_amt'];
  for (const name of need) if (!(name in col)) throw new Error(`PUF column missing: ${name}`);
  const bySpecialty = new Map();
  const stats = { rows: 0, remapped: 0, dropped: 0 };
  for (const line of rows) {
    if (!line) continue;
    const c = line.split('\t');
    stats.rows++;
    const specialty = c[col.provider_type].trim();
    let code = c[col.hcpcs_code].trim().toUpperCase();
    if (CROSSWALK[code]) { code = CROSSWALK[code]; stats.remapped++; }
    if (!VALID_CODE.test(code) || !(current.has(code) || KEEP.has(code))) { stats.dropped++; continue; }
    const services = Number(c[col.line_srvc_cnt]);
    const lines = Number(c[col.bene_day_srvc_cnt]);
    if (!(services > 0 && lines > 0)) { stats.dropped++; continue; }
    const spec = bySpecialty.get(specialty) ?? { rows: 0, codes: new Map() };
    bySpecialty.set(specialty, spec);
    spec.rows++;
    const acc = spec.codes.get(code) ?? { lines: 0, services: 0, charge: 0, allowed: 0, paid: 0 };
    spec.codes.set(code, acc);
    acc.lines += lines;
    acc.services += services;
    acc.charge += services * Number(c[col.average_submitted_chrg_amt]);
    acc.allowed += services * Number(c[col.average_Medicare_allowed_amt]);
    acc.paid += services * Number(c[col.average_Medicare_payment_amt]);
  }
  return { bySpecialty, stats };
}

const round = (x, places) => Number(x.toFixed(places));

function tables(bySpecialty) {
  const out = [];
  for (const [specialty, spec] of bySpecialty) {
    if (EXCLUDED.has(specialty) || spec.rows < MIN_ROWS || spec.codes.size < MIN_CODES) continue;
    const ranked = [...spec.codes].sort((a, b) => b[1].lines - a[1].lines || (a[0] < b[0] ? -1 : 1));
    const total = ranked.reduce((s, [, a]) => s + a.lines, 0);
    const top = ranked.slice(0, TOP_CODES);
    const kept = top.reduce((s, [, a]) => s + a.lines, 0);
    const codes = top.map(([code, a]) => [
      code,
      round(a.lines / kept, 5),
      round(a.services / a.lines, 2),
      round(a.charge / a.services, 2),
      round(a.allowed / a.services, 2),
      round(a.paid / a.services, 2),
    ]);
    out.push({ specialty, rows: spec.rows, coverage: round(kept / total, 3), codes });
  }
  return out.sort((a, b) => b.rows - a.rows || (a.specialty < b.specialty ? -1 : 1));
}

function render(mix, stats) {
  const body = mix.map((s) => {
    const rows = s.codes.map((r) => `      ${JSON.stringify(r)},`).join('\n');
    return `  {\n    specialty: ${JSON.stringify(s.specialty)},\n    rows: ${s.rows},\n    coverage: ${s.coverage},\n    codes: [\n${rows}\n    ],\n  },`;
  }).join('\n');
  return `// GENERATED FILE — do not edit. Regenerate with: node tools/synth/derive-code-mix.mjs
//
// Source: CMS, "Medicare Provider Utilization and Payment Data: Physician and Other Supplier
// PUF, CY2012" — a ${stats.rows}-row subset of the national file. US Government work, public domain.
// Contents are code values and numbers only: no descriptor text, no provider names or NPIs.
// Retired 2012 codes were moved to their current successor (${stats.remapped} rows) or dropped (${stats.dropped} rows).
//
// Per specialty: rows = PUF rows behind it, coverage = share of its lines the kept codes hold.
// Per code: [code, weight (share of lines among kept codes; lines = beneficiary-day services),
//   units per line, average submitted charge, average Medicare allowed, average Medicare paid]
//   — amounts in 2012 US dollars per unit of service.

export type CodeMixRow = readonly [
  code: string,
  weight: number,
  unitsPerLine: number,
  avgCharge: number,
  avgAllowed: number,
  avgPaid: number,
];

export interface SpecialtyCodeMix {
  readonly specialty: string;
  readonly rows: number;
  readonly coverage: number;
  readonly codes: readonly CodeMixRow[];
}

export const CODE_MIX: readonly SpecialtyCodeMix[] = [
${body}
];
`;
}

const { bySpecialty, stats } = aggregate(currentCodes());
const mix = tables(bySpecialty);
const text = render(mix, stats);
writeFileSync(outPath, text);
console.log(`${outPath}: ${mix.length} specialties, ${mix.reduce((s, m) => s + m.codes.length, 0)} codes, ${text.length} bytes`);
