// Writes the project's copy of CMS's 2025 Physician Fee Schedule (codes and CMS numbers,
// no descriptors) from CMS's RVU and GPCI files, through the same readers the API uses.
//
//   node tools/scripts/fee-schedule-data.mjs [CMS_FOLDER]
//
// CMS_FOLDER holds PPRRVU2025_Oct.csv and GPCI2025.csv (default: ../shared/data/cms-pfs-rvu-2025
// beside the repository). Build the domain library first: npx nx run-many -t build -p domain.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGpciFile, parseRvuFile } from '@caseload/domain';

const YEAR = 2025;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const source = process.argv[2] ?? join(ROOT, '../shared/data/cms-pfs-rvu-2025');
const target = join(ROOT, 'apps/api/src/modules/reimbursement/data');
const files = { rvu: join(source, 'PPRRVU2025_Oct.csv'), gpci: join(source, 'GPCI2025.csv') };

for (const path of Object.values(files)) {
  if (!existsSync(path)) {
    console.error(`Not found: ${path}. Pass the folder that holds CMS's 2025 RVU and GPCI files.`);
    process.exit(1);
  }
}

// The codes and numbers are ASCII; Latin-1 reads any byte of the (dropped) descriptors.
const rvu = parseRvuFile(readFileSync(files.rvu, 'latin1'), YEAR);
const gpci = parseGpciFile(readFileSync(files.gpci, 'latin1'), YEAR);

// CMS's own column names, one header row: the API reads this file with the RVU file's reader.
const rvuLines = [
  'HCPCS,MOD,STATUS CODE,WORK RVU,NON-FAC PE RVU,NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,PCTC IND,GLOB DAYS,CONV FACTOR',
  ...rvu.rows.map((r) =>
    [
      r.code,
      r.modifier,
      r.status,
      r.work.toFixed(2),
      r.peNonFacility.toFixed(2),
      r.nonFacilityNa ? 'NA' : '',
      r.peFacility.toFixed(2),
      r.facilityNa ? 'NA' : '',
      r.mp.toFixed(2),
      r.pctcIndicator,
      r.globalDays,
      rvu.conversionFactor.toFixed(4),
    ].join(','),
  ),
];
const gpciLines = [
  `Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,${YEAR} PW GPCI,${YEAR} PE GPCI,${YEAR} MP GPCI`,
  ...gpci.map((g) => [g.carrier, g.state, g.locality, csvText(g.name), g.work.toFixed(3), g.pe.toFixed(3), g.mp.toFixed(3)].join(',')),
];

writeFileSync(join(target, `rvu-${YEAR}.csv`), `${rvuLines.join('\n')}\n`);
writeFileSync(join(target, `gpci-${YEAR}.csv`), `${gpciLines.join('\n')}\n`);
console.log(`rvu-${YEAR}.csv: ${rvu.rows.length} rows, conversion factor ${rvu.conversionFactor}; gpci-${YEAR}.csv: ${gpci.length} localities`);

function csvText(value) {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
