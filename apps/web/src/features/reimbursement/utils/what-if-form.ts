import type { WhatIfInput } from './reimbursement-queries';

/** Conversion factors to try in one click: CMS's 2026 figures. */
export const WHAT_IF_PRESETS = [
  { label: '2026, non-qualifying: 33.4009', conversionFactor: '33.4009' },
  { label: '2026, qualifying APM: 33.5675', conversionFactor: '33.5675' },
] as const;

export interface WhatIfForm {
  /** The scenario to ask for; null while a field cannot be read. */
  input: WhatIfInput | null;
  errors: { conversionFactor?: string; workRvuPercent?: string };
}

/** Reads the two fields as the API takes them (blank = as loaded); each problem is said beside its field. */
export function parseWhatIfForm(conversionFactor: string, workRvuPercent: string): WhatIfForm {
  const errors: WhatIfForm['errors'] = {};
  const cfText = conversionFactor.trim().replace(/^\$/, '');
  const workText = workRvuPercent.trim().replace(/%$/, '').replace('\u2212', '-');
  let cf: number | null = null;
  if (cfText !== '') {
    if (!/^\d+(\.\d{1,4})?$/.test(cfText)) errors.conversionFactor = 'Enter dollars with up to 4 decimals, such as 33.4009.';
    else if (Number(cfText) <= 0 || Number(cfText) > 1000) errors.conversionFactor = 'Enter a conversion factor above 0 and at most 1,000.';
    else cf = Number(cfText);
  }
  let work: number | null = null;
  if (workText !== '') {
    if (!/^[+-]?\d+(\.\d{1,2})?$/.test(workText)) errors.workRvuPercent = 'Enter a percentage with up to 2 decimals, such as 2.5 or -10.';
    else if (Number(workText) < -100 || Number(workText) > 1000) errors.workRvuPercent = 'Enter a change from -100% to 1,000%.';
    else work = Number(workText) === 0 ? null : Number(workText);
  }
  const ok = errors.conversionFactor === undefined && errors.workRvuPercent === undefined;
  return { input: ok ? { conversionFactor: cf, workRvuPercent: work } : null, errors };
}
