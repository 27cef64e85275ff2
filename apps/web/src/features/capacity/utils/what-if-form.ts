import type { CapacityWhatIf } from './capacity-queries';

/** The panel's fields as typed; blank means "as planned". */
export interface WhatIfFields {
  growthPercent: string;
  extraHours: string;
  /** Target utilization in percent. */
  targetPercent: string;
  /** Units / FTEs added per `DEPT/resourceType`. */
  add: Readonly<Record<string, string>>;
}

export const EMPTY_WHAT_IF_FIELDS: WhatIfFields = { growthPercent: '', extraHours: '', targetPercent: '', add: {} };

export interface WhatIfForm {
  /** The scenario to ask for; null while a field cannot be read. */
  whatIf: CapacityWhatIf | null;
  errors: { growthPercent?: string; extraHours?: string; targetPercent?: string; add: Record<string, string> };
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

function read(text: string): number | null | undefined {
  const clean = text.trim().replace(/%$/, '').replace('\u2212', '-').trim();
  if (clean === '') return null;
  return NUMBER.test(clean) ? Number(clean) : undefined;
}

/**
 * Reads the what-if fields as /capacity/needs takes them; each problem is said beside its
 * field. `counts` holds each inventory's units / FTEs, so no change removes more than there are.
 */
export function parseWhatIfForm(fields: WhatIfFields, counts: ReadonlyMap<string, number>, defaultTarget: number): WhatIfForm {
  const errors: WhatIfForm['errors'] = { add: {} };
  const growth = read(fields.growthPercent);
  if (growth === undefined || (growth !== null && !(growth > -100 && growth <= 1000))) errors.growthPercent = 'Enter a change above -100% and at most 1,000%, such as 10 or -5.';
  const extra = read(fields.extraHours);
  if (extra === undefined || (extra !== null && !(extra >= 0 && extra <= 24))) errors.extraHours = 'Enter hours from 0 to 24, such as 2.';
  const target = read(fields.targetPercent);
  if (target === undefined || (target !== null && !(target > 0 && target <= 100))) errors.targetPercent = 'Enter a target above 0% and at most 100%, such as 85.';
  const add: Record<string, number> = {};
  for (const [key, text] of Object.entries(fields.add)) {
    const units = read(text);
    const count = counts.get(key) ?? 0;
    if (units === undefined || (units !== null && Math.abs(units) > 1000)) errors.add[key] = 'Enter units or FTEs from -1,000 to 1,000, such as 1 or -0.5.';
    else if (units !== null && count + units < 0) errors.add[key] = `There are only ${count.toLocaleString('en-US')} to remove.`;
    else if (units !== null && units !== 0) add[key] = units;
  }
  const ok = !errors.growthPercent && !errors.extraHours && !errors.targetPercent && Object.keys(errors.add).length === 0;
  return {
    whatIf: ok ? { growthPercent: growth ?? 0, extraHours: extra ?? 0, target: target === null || target === undefined ? defaultTarget : target / 100, add } : null,
    errors,
  };
}

/** Stands for a scenario's value: equal keys, equal question. */
export function whatIfKey(whatIf: CapacityWhatIf): string {
  const add = Object.entries(whatIf.add).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([whatIf.growthPercent, whatIf.extraHours, whatIf.target, add]);
}

/** True when the scenario changes nothing. */
export function isPlanAsIs(whatIf: CapacityWhatIf, defaultTarget: number): boolean {
  return whatIf.growthPercent === 0 && whatIf.extraHours === 0 && whatIf.target === defaultTarget && Object.keys(whatIf.add).length === 0;
}

/**
 * The scenario in words, for the answer card: `10% more volume, RAD · MRI scanner +1,
 * 2 more opening hours a day, an 85% target`; null when it changes nothing.
 */
export function describeWhatIf(whatIf: CapacityWhatIf, defaultTarget: number, labelOf: (key: string) => string): string | null {
  const parts: string[] = [];
  if (whatIf.growthPercent !== 0) parts.push(`${Math.abs(whatIf.growthPercent)}% ${whatIf.growthPercent > 0 ? 'more' : 'less'} volume`);
  for (const [key, units] of Object.entries(whatIf.add).sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`${labelOf(key)} ${units > 0 ? '+' : '\u2212'}${Math.abs(units)}`);
  }
  if (whatIf.extraHours !== 0) parts.push(`${whatIf.extraHours} more opening ${whatIf.extraHours === 1 ? 'hour' : 'hours'} a day for equipment`);
  if (whatIf.target !== defaultTarget) parts.push(`a target of ${Math.round(whatIf.target * 1000) / 10}%`);
  return parts.length === 0 ? null : parts.join(', ');
}
