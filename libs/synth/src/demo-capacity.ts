// The demo health system's capacity model: resource types, what each department has of
// them, the US federal holidays, and a profile (minutes of each resource type per unit) for
// every code the demo generates. Figures follow common planning rules of thumb: an MRI exam
// holds the scanner ~45 minutes, a CT ~20, an ultrasound ~30; CMS counts an imaging scanner
// as fully used at 50 hours a week (10 hours × 5 days here).

import { CODE_MIX } from './code-mix.generated.js';
import { CodeKind, codeKind } from './code-kind.js';
import { DEPARTMENT_PROFILES } from './departments.js';
import { EXTRA_CODES } from './extra-codes.js';
import { usFederalHolidays } from './demo-holidays.js';

export type DemoResourceKind = 'equipment' | 'staff';
export type DemoSchedule = [number, number, number, number, number, number, number];

export interface DemoCapacityModel {
  resourceTypes: { key: string; name: string; kind: DemoResourceKind }[];
  inventories: { department: string; resourceType: string; count: number; schedule: DemoSchedule; productiveHoursPerFte: number | null }[];
  holidays: { date: string; department: string | null; name: string }[];
  profiles: { code: string; resourceType: string; minutes: number }[];
}

export const DEMO_RESOURCE_TYPES: DemoCapacityModel['resourceTypes'] = [
  { key: 'mri_scanner', name: 'MRI scanner', kind: 'equipment' },
  { key: 'ct_scanner', name: 'CT scanner', kind: 'equipment' },
  { key: 'ultrasound_unit', name: 'Ultrasound unit', kind: 'equipment' },
  { key: 'xray_room', name: 'X-ray room', kind: 'equipment' },
  { key: 'mammography_unit', name: 'Mammography unit', kind: 'equipment' },
  { key: 'nuclear_camera', name: 'Nuclear medicine camera', kind: 'equipment' },
  { key: 'linac', name: 'Linear accelerator', kind: 'equipment' },
  { key: 'cath_lab', name: 'Cath / EP lab', kind: 'equipment' },
  { key: 'or_room', name: 'Operating room', kind: 'equipment' },
  { key: 'endoscopy_suite', name: 'Endoscopy suite', kind: 'equipment' },
  { key: 'infusion_chair', name: 'Infusion chair', kind: 'equipment' },
  { key: 'lab_analyser', name: 'Lab analyser', kind: 'equipment' },
  { key: 'physician', name: 'Physician / APP', kind: 'staff' },
  { key: 'rn', name: 'Registered nurse', kind: 'staff' },
  { key: 'technologist', name: 'Technologist', kind: 'staff' },
  { key: 'anesthesia', name: 'Anesthesia provider', kind: 'staff' },
  { key: 'lab_technologist', name: 'Lab technologist', kind: 'staff' },
  { key: 'therapist', name: 'Therapist', kind: 'staff' },
];

type Minutes = Readonly<Record<string, number>>;

const between = (n: number, low: number, high: number): boolean => n >= low && n <= high;

const E_M_NEW: Readonly<Record<string, number>> = { '99202': 15, '99203': 30, '99204': 45, '99205': 60 };
const E_M_ESTABLISHED: Readonly<Record<string, number>> = { '99211': 5, '99212': 10, '99213': 15, '99214': 25, '99215': 40 };
const E_M_ED: Readonly<Record<string, number>> = { '99281': 10, '99282': 15, '99283': 20, '99284': 30, '99285': 45 };

function radiology(n: number): Minutes {
  const mri = between(n, 70336, 70336) || between(n, 70540, 70559) || between(n, 71550, 71555) || between(n, 72141, 72159) || between(n, 72195, 72198) ||
    between(n, 73218, 73225) || between(n, 73718, 73725) || between(n, 74181, 74185) || between(n, 75557, 75565) || between(n, 77046, 77049);
  if (mri) return { mri_scanner: 45, technologist: 45, physician: 10 };
  const ct = between(n, 70450, 70498) || between(n, 71250, 71275) || between(n, 72125, 72133) || between(n, 72191, 72194) || between(n, 73200, 73206) ||
    between(n, 73700, 73706) || between(n, 74150, 74178) || between(n, 74261, 74263) || between(n, 75571, 75574) || n === 76380 || n === 77078;
  if (ct) return { ct_scanner: 20, technologist: 20, physician: 8 };
  if (between(n, 76506, 76999)) return { ultrasound_unit: 30, technologist: 30, physician: 5 };
  if (between(n, 77061, 77067)) return { mammography_unit: 15, technologist: 15, physician: 5 };
  if (between(n, 78012, 78999)) return { nuclear_camera: 40, technologist: 40, physician: 10 };
  if (between(n, 77371, 77373) || between(n, 77385, 77387) || between(n, 77401, 77425)) return { linac: 15, technologist: 15 };
  if (between(n, 77261, 77799)) return { physician: 20 };
  if (between(n, 75600, 75989)) return { cath_lab: 60, technologist: 60, rn: 60, physician: 60 };
  if (between(n, 77080, 77086)) return { xray_room: 15, technologist: 15, physician: 3 };
  return { xray_room: 10, technologist: 10, physician: 3 };
}

function medicine(n: number, code: string): Minutes {
  if (between(n, 92920, 92944) || between(n, 93451, 93533)) return { cath_lab: 75, physician: 60, rn: 75, technologist: 75 };
  if (between(n, 93600, 93662)) return { cath_lab: 150, physician: 120, rn: 150, technologist: 150 };
  if (between(n, 93303, 93356)) return { ultrasound_unit: 45, technologist: 45, physician: 10 };
  if (between(n, 93880, 93990)) return { ultrasound_unit: 40, technologist: 40, physician: 8 };
  if (between(n, 93000, 93010) || between(n, 93040, 93042)) return { technologist: 10, physician: 3 };
  if (between(n, 93015, 93018) || between(n, 93224, 93248)) return { technologist: 30, physician: 10 };
  if (between(n, 96360, 96549)) return { infusion_chair: 60, rn: 30 };
  if (between(n, 97010, 97799)) return { therapist: 15 };
  if (between(n, 92507, 92508) || between(n, 92521, 92633)) return { therapist: 30 };
  if (between(n, 90785, 90899)) return { physician: n === 90791 || n === 90792 || n === 90837 ? 60 : 45 };
  if (between(n, 92002, 92499)) return { physician: 20, rn: 10 };
  if (between(n, 94010, 94799)) return { technologist: 30, physician: 5 };
  if (between(n, 95004, 95199)) return { rn: 20, physician: 5 };
  if (between(n, 95700, 96020)) return { technologist: 45, physician: 15 };
  if (between(n, 90935, 90999)) return { rn: 30, physician: 10 };
  if (between(n, 90460, 90474) || code.endsWith('A') || between(n, 90281, 90759)) return { rn: 5 };
  return { rn: 10, physician: 5 };
}

function surgery(n: number, allowed: number): Minutes {
  if (between(n, 43191, 43274) || between(n, 44360, 44408) || between(n, 45300, 45398) || between(n, 46600, 46615)) {
    return { endoscopy_suite: 30, physician: 25, rn: 30, anesthesia: 30 };
  }
  // A procedure Medicare paid $400 or more for (2012 dollars) is taken to the operating room; a
  // smaller one is done in the office or at the bedside.
  if (allowed >= 400) {
    const caseMinutes = Math.round(30 + 60 * Math.log1p(allowed / 400));
    return { or_room: caseMinutes + 30, physician: caseMinutes, anesthesia: caseMinutes + 15, rn: caseMinutes + 30 };
  }
  return { physician: Math.round(Math.min(45, 10 + allowed / 10)), rn: 15 };
}

function evaluationManagement(code: string): Minutes {
  const office = E_M_NEW[code] ?? E_M_ESTABLISHED[code];
  if (office !== undefined) return { physician: office, rn: 10 };
  const ed = E_M_ED[code];
  if (ed !== undefined) return { physician: ed, rn: 30 };
  if (code === '99291') return { physician: 60, rn: 60 };
  if (code === '99292') return { physician: 30, rn: 30 };
  if (between(Number(code), 99221, 99239)) return { physician: 30, rn: 15 };
  return { physician: 20, rn: 10 };
}

/** The profile of a demo code; empty for codes that take no planned resource time (quality codes). */
export function demoProfile(code: string, allowed: number): Minutes {
  const n = Number(code);
  switch (codeKind(code)) {
    case CodeKind.EvaluationManagement:
      return evaluationManagement(code);
    case CodeKind.Anesthesia:
      return { anesthesia: 90 };
    case CodeKind.Surgery:
      return surgery(n, allowed);
    case CodeKind.Radiology:
      return radiology(n);
    case CodeKind.Lab:
      if (between(n, 88000, 89398)) return { physician: 10, lab_technologist: 15 };
      return { lab_analyser: 4, lab_technologist: 3 };
    case CodeKind.Medicine:
      return medicine(n, code);
    case CodeKind.HcpcsII:
      if (code.startsWith('J')) return { rn: 5 };
      if (code.startsWith('G')) return { physician: 15, rn: 5 };
      return {};
    case CodeKind.CategoryIII:
      if (code === '0042T') return { ct_scanner: 30, technologist: 30, physician: 10 };
      if (code === '0075T') return { cath_lab: 90, physician: 90, rn: 90, technologist: 90 };
      return { physician: 20 };
    default:
      return {};
  }
}

/** Every code the demo generates, with its Medicare allowed amount (the largest across specialties). */
function demoCodes(): Map<string, number> {
  const specialties = new Set(DEPARTMENT_PROFILES.map((d) => d.specialty));
  const codes = new Map<string, number>();
  for (const mix of CODE_MIX) {
    if (!specialties.has(mix.specialty)) continue;
    for (const [code, , , , allowed] of mix.codes) codes.set(code, Math.max(allowed, codes.get(code) ?? 0));
  }
  for (const extras of Object.values(EXTRA_CODES)) for (const extra of extras) codes.set(extra.code, Math.max(extra.allowed, codes.get(extra.code) ?? 0));
  return codes;
}

export function demoProfiles(): DemoCapacityModel['profiles'] {
  const rows: DemoCapacityModel['profiles'] = [];
  for (const [code, allowed] of [...demoCodes()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [resourceType, minutes] of Object.entries(demoProfile(code, allowed))) rows.push({ code, resourceType, minutes });
  }
  return rows;
}

const OPEN_50H: DemoSchedule = [10, 10, 10, 10, 10, 0, 0];
const STAFF_WEEK: DemoSchedule = [8, 8, 8, 8, 8, 0, 0];
const ALWAYS: DemoSchedule = [24, 24, 24, 24, 24, 24, 24];
const SCHEDULES: Readonly<Record<string, DemoSchedule>> = {
  lab_analyser: ALWAYS,
  infusion_chair: [10, 10, 10, 10, 10, 0, 0],
  or_room: [10, 10, 10, 10, 10, 0, 0],
  // The outpatient imaging center has no MRI of its own: a mobile MRI coach visits on Fridays.
  'IMG/mri_scanner': [0, 0, 0, 0, 8, 0, 0],
};

/**
 * Units / FTEs per department for the default demo (300,000 lines over three years): set
 * against the demo's volume so that staff run at about 60% of their time and equipment below 70%,
 * while a few are tight — Radiology's technologists, the anesthesia providers, and the
 * imaging center's one-day-a-week mobile MRI — so the Capacity page has a real gap to show.
 * Imaging equipment belongs to the imaging departments; the ED's and the clinics' scans use
 * it as a shared pool (they have no scanner rows of their own).
 */
const INVENTORY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  ALLRG: { physician: 0.4, rn: 1.2 },
  ANES: { anesthesia: 1.3 },
  ASC: { anesthesia: 1.1, endoscopy_suite: 1, or_room: 1, physician: 1.3, rn: 1.3 },
  AUD: { therapist: 0.3 },
  CARD: { cath_lab: 1, nuclear_camera: 1, physician: 0.7, rn: 0.4, technologist: 1.0, ultrasound_unit: 1 },
  DERM: { anesthesia: 0.1, or_room: 1, physician: 0.7, rn: 0.7 },
  ED: { physician: 2.3, rn: 1.6, technologist: 1.0 },
  ENDO: { physician: 0.3, rn: 0.1 },
  ENT: { physician: 0.4, rn: 0.5, therapist: 0.2 },
  EP: { cath_lab: 1, physician: 0.4, rn: 0.4, technologist: 0.3 },
  GERI: { infusion_chair: 1, physician: 0.3, rn: 0.2 },
  GI: { anesthesia: 0.5, endoscopy_suite: 1, physician: 0.8, rn: 0.6, technologist: 0.1 },
  HAND: { anesthesia: 0.1, or_room: 1, physician: 0.2, rn: 0.2 },
  HOSP: { infusion_chair: 1, lab_analyser: 1, lab_technologist: 0.1, physician: 1.5, rn: 1.0, technologist: 0.1 },
  ICU: { physician: 0.7, rn: 0.6, technologist: 0.2 },
  ID: { physician: 0.2, rn: 0.1 },
  IMC: { infusion_chair: 1, lab_analyser: 1, physician: 0.8, rn: 0.5 },
  IMG: { mri_scanner: 1, physician: 0.5, technologist: 1.0, ultrasound_unit: 1, xray_room: 1 },
  LAB: { lab_analyser: 1, lab_technologist: 1.0, physician: 0.8, rn: 0.2 },
  MOBX: { physician: 0.1, technologist: 0.1, xray_room: 1 },
  NEPH: { physician: 0.4, rn: 0.4 },
  NEURO: { physician: 0.6, rn: 0.7, technologist: 0.7 },
  NSURG: { anesthesia: 0.2, or_room: 1, physician: 0.3, rn: 0.3 },
  OBGYN: { infusion_chair: 1, physician: 0.2, rn: 0.2 },
  ONC: { infusion_chair: 1, lab_analyser: 1, lab_technologist: 0.2, physician: 0.3, rn: 0.9 },
  OPH: { anesthesia: 0.3, or_room: 1, physician: 1.1, rn: 0.7 },
  OPT: { anesthesia: 0.4, or_room: 1, physician: 0.7, rn: 0.7 },
  ORTHO: { anesthesia: 0.1, or_room: 1, physician: 0.7, rn: 0.5, technologist: 0.3, therapist: 0.1 },
  PAIN: { therapist: 0.1 },
  PATH: { lab_technologist: 0.8, physician: 0.5 },
  PCP: { infusion_chair: 1, lab_analyser: 1, lab_technologist: 0.1, physician: 1.2, rn: 0.8 },
  PEDS: { infusion_chair: 1, lab_analyser: 1, physician: 0.5, rn: 0.3 },
  PMR: { physician: 0.4, rn: 0.3, technologist: 0.1 },
  POD: { physician: 0.3, rn: 0.3 },
  PSYCH: { physician: 1.1, rn: 0.2 },
  PT: { physician: 0.2, rn: 0.1, therapist: 1.3 },
  PULM: { physician: 0.5, rn: 0.3, technologist: 0.4 },
  RAD: { ct_scanner: 1, mammography_unit: 1, mri_scanner: 1, physician: 1.9, technologist: 1.8, ultrasound_unit: 1, xray_room: 1 },
  RHEUM: { infusion_chair: 1, physician: 0.2, rn: 0.2 },
  RONC: { linac: 1, physician: 0.3, technologist: 0.3 },
  SURG: { anesthesia: 0.3, endoscopy_suite: 1, or_room: 1, physician: 0.9, rn: 0.7 },
  URG: { infusion_chair: 1, physician: 1.0, rn: 0.7, technologist: 0.1 },
  URO: { infusion_chair: 1, lab_analyser: 1, physician: 0.4, rn: 0.3 },
  VASC: { anesthesia: 0.1, or_room: 1, physician: 0.2, rn: 0.2, technologist: 0.3, ultrasound_unit: 1 },
  WALK: { infusion_chair: 1, physician: 0.7, rn: 0.6 },
};

/** The demo model for a demo of `lines` lines ending `endDate`: inventories scale with the volume. */
export function demoCapacityModel(options: { lines: number; endDate: string }): DemoCapacityModel {
  const scale = options.lines / 300_000;
  const kinds = new Map(DEMO_RESOURCE_TYPES.map((t) => [t.key, t.kind]));
  const inventories: DemoCapacityModel['inventories'] = [];
  for (const [department, resources] of Object.entries(INVENTORY)) {
    for (const [resourceType, base] of Object.entries(resources)) {
      const staff = kinds.get(resourceType) === 'staff';
      // Equipment comes in whole units, staff in tenths of an FTE; never below one of either.
      const count = staff ? Math.max(0.1, Math.round(base * scale * 10) / 10) : Math.max(1, Math.round(base * scale));
      inventories.push({ department, resourceType, count, schedule: staff ? STAFF_WEEK : (SCHEDULES[`${department}/${resourceType}`] ?? SCHEDULES[resourceType] ?? OPEN_50H), productiveHoursPerFte: null });
    }
  }
  const endYear = Number(options.endDate.slice(0, 4));
  const holidays: DemoCapacityModel['holidays'] = [];
  for (let year = endYear - 3; year <= endYear + 2; year++) {
    for (const holiday of usFederalHolidays(year)) holidays.push({ ...holiday, department: null });
  }
  return { resourceTypes: DEMO_RESOURCE_TYPES.map((t) => ({ ...t })), inventories, holidays, profiles: demoProfiles() };
}
