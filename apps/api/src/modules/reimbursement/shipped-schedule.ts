import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The year of CMS's schedule that ships with the project (data/, made by tools/scripts/fee-schedule-data.mjs). */
export const SHIPPED_YEAR = 2025;

export interface ShippedFiles {
  rvu: string;
  gpci: string;
}

/** The shipped files beside this module (the build copies data/ into dist/); null if missing. */
export function shippedScheduleFiles(): ShippedFiles | null {
  const folder = new URL('./data/', import.meta.url);
  const files = { rvu: fileURLToPath(new URL(`rvu-${SHIPPED_YEAR}.csv`, folder)), gpci: fileURLToPath(new URL(`gpci-${SHIPPED_YEAR}.csv`, folder)) };
  return existsSync(files.rvu) && existsSync(files.gpci) ? files : null;
}
