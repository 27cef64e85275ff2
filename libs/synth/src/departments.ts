/** The demo health system: ~40 departments, each drawing codes from one PUF specialty. */
export interface SynthDepartment {
  code: string;
  name: string;
  specialty: string;
}

export type WeekPattern = 'clinic' | 'ed' | 'inpatient' | 'diagnostic' | 'surgical' | 'urgent';
export type Season = 'flat' | 'respiratory' | 'allergy';

export interface DepartmentProfile extends SynthDepartment {
  /** Relative share of lines. */
  size: number;
  /** Annual volume growth, e.g. 0.04. */
  growth: number;
  week: WeekPattern;
  season: Season;
  /** Place of service codes with weights. */
  pos: ReadonlyArray<readonly [string, number]>;
  /** Patient age bands: child, adult, senior. */
  bands: readonly [number, number, number];
  /** Weights of encounters with 1, 2, 3, 4 lines. */
  encounter: readonly [number, number, number, number];
  providers: number;
  /** Procedures: minutes recorded more often; LT/RT apply. */
  surgical: boolean;
  imaging: boolean;
  lateral: boolean;
  denialBias: number;
  /** A step change in volume (new scanner, a surgeon leaving) at this fraction of the span. */
  step: readonly [at: number, factor: number] | undefined;
}

const CLINIC = [['11', 0.7], ['19', 0.2], ['22', 0.1]] as const;
const HOSPITAL_OP = [['22', 0.75], ['19', 0.2], ['11', 0.05]] as const;
const SURGERY = [['22', 0.6], ['24', 0.25], ['21', 0.15]] as const;
const INPATIENT = [['21', 0.85], ['22', 0.1], ['23', 0.05]] as const;
const SENIOR = [0.01, 0.34, 0.65] as const;
const MIXED = [0.06, 0.5, 0.44] as const;
const ONE = [0.62, 0.25, 0.09, 0.04] as const;
const FEW = [0.45, 0.3, 0.15, 0.1] as const;
const MANY = [0.25, 0.3, 0.25, 0.2] as const;

type Options = Partial<Omit<DepartmentProfile, 'code' | 'name' | 'specialty' | 'size' | 'growth'>>;

const DEFAULTS: Required<Omit<Options, 'step'>> & Pick<DepartmentProfile, 'step'> = {
  week: 'clinic', season: 'flat', pos: CLINIC, bands: MIXED, encounter: ONE, providers: 4,
  surgical: false, imaging: false, lateral: false, denialBias: 1, step: undefined,
};

function dept(code: string, name: string, specialty: string, size: number, growth: number, o: Options = {}): DepartmentProfile {
  const p = { ...DEFAULTS, ...o };
  // One object shape for every department keeps property access in the hot loop monomorphic.
  return {
    code, name, specialty, size, growth,
    week: p.week, season: p.season, pos: p.pos, bands: p.bands, encounter: p.encounter, providers: p.providers,
    surgical: p.surgical, imaging: p.imaging, lateral: p.lateral, denialBias: p.denialBias, step: p.step,
  };
}

const surgical = { week: 'surgical', pos: SURGERY, surgical: true, encounter: FEW } as const;
const resp = { season: 'respiratory' } as const;

export const DEPARTMENT_PROFILES: readonly DepartmentProfile[] = [
  dept('ED', 'Emergency Department', 'Emergency Medicine', 9, 0.035, { ...resp, week: 'ed', pos: [['23', 1]], bands: [0.17, 0.55, 0.28], encounter: MANY, providers: 14, denialBias: 0.9 }),
  dept('URG', 'Urgent Care', 'Nurse Practitioner', 4, 0.08, { ...resp, week: 'urgent', pos: [['20', 0.8], ['11', 0.2]], bands: [0.2, 0.6, 0.2], encounter: FEW, providers: 8 }),
  dept('HOSP', 'Hospital Medicine', 'Internal Medicine', 7, 0.03, { ...resp, week: 'inpatient', pos: INPATIENT, bands: [0, 0.4, 0.6], providers: 12, encounter: FEW }),
  dept('ICU', 'Critical Care', 'Critical Care (Intensivists)', 1.6, 0.02, { ...resp, week: 'inpatient', pos: [['21', 1]], bands: [0.02, 0.4, 0.58], providers: 5, encounter: FEW }),
  dept('PCP', 'Primary Care', 'Family Practice', 9, 0.04, { ...resp, bands: [0.1, 0.55, 0.35], encounter: FEW, providers: 16 }),
  dept('IMC', 'Internal Medicine Clinic', 'Internal Medicine', 5, 0.03, { ...resp, bands: [0, 0.5, 0.5], encounter: FEW, providers: 9 }),
  dept('PEDS', 'Pediatrics', 'Family Practice', 3.5, 0.01, { ...resp, bands: [1, 0, 0], encounter: FEW, providers: 7 }),
  dept('GERI', 'Geriatrics', 'General Practice', 1.2, 0.06, { bands: [0, 0.05, 0.95], providers: 3 }),
  dept('WALK', 'Walk-in Clinic', 'Physician Assistant', 2.5, 0.05, { ...resp, week: 'urgent', bands: [0.15, 0.6, 0.25], providers: 6 }),
  dept('CARD', 'Cardiology', 'Cardiology', 5, 0.07, { pos: HOSPITAL_OP, bands: SENIOR, encounter: FEW, providers: 8 }),
  dept('EP', 'Electrophysiology', 'Cardiac Electrophysiology', 1, 0.14, { pos: HOSPITAL_OP, bands: SENIOR, providers: 3 }),
  dept('VASC', 'Vascular Surgery', 'Vascular Surgery', 0.9, 0.04, { ...surgical, bands: SENIOR, providers: 3 }),
  dept('RAD', 'Radiology', 'Diagnostic Radiology', 10, 0.05, { week: 'diagnostic', pos: [['22', 0.55], ['19', 0.15], ['21', 0.15], ['23', 0.15]], imaging: true, encounter: [0.74, 0.18, 0.06, 0.02], providers: 11, denialBias: 1.25 }),
  dept('IMG', 'Outpatient Imaging Center', 'Independent Diagnostic Testing Facility', 1.8, 0.05, { week: 'diagnostic', pos: [['19', 0.7], ['22', 0.3]], imaging: true, providers: 4, denialBias: 1.3, step: [0.55, 1.4] }),
  dept('MOBX', 'Mobile Imaging', 'Portable X-ray', 0.7, 0.09, { week: 'diagnostic', pos: [['31', 0.6], ['32', 0.3], ['12', 0.1]], bands: [0, 0.1, 0.9], imaging: true, providers: 2 }),
  dept('LAB', 'Laboratory', 'Clinical Laboratory', 8, 0.04, { week: 'diagnostic', pos: [['22', 0.6], ['19', 0.25], ['81', 0.15]], encounter: MANY, providers: 3, denialBias: 1.15 }),
  dept('PATH', 'Pathology', 'Pathology', 2.5, 0.03, { week: 'diagnostic', pos: [['22', 0.8], ['19', 0.2]], encounter: FEW, providers: 4 }),
  dept('ONC', 'Oncology and Infusion', 'Hematology/Oncology', 5, 0.11, { pos: [['22', 0.6], ['19', 0.4]], bands: [0.01, 0.45, 0.54], encounter: MANY, providers: 7, denialBias: 1.15 }),
  dept('RONC', 'Radiation Oncology', 'Radiation Oncology', 1.4, 0.06, { week: 'surgical', pos: [['22', 0.8], ['19', 0.2]], bands: [0, 0.4, 0.6], imaging: true, providers: 3 }),
  dept('ORTHO', 'Orthopedics', 'Orthopedic Surgery', 4, 0.09, { ...surgical, pos: [['11', 0.45], ['22', 0.35], ['24', 0.2]], lateral: true, providers: 8 }),
  dept('HAND', 'Hand Surgery', 'Hand Surgery', 0.6, 0.05, { ...surgical, lateral: true, providers: 2 }),
  dept('SURG', 'General Surgery', 'General Surgery', 2.5, 0.02, { ...surgical, providers: 6 }),
  dept('NSURG', 'Neurosurgery', 'Neurosurgery', 0.8, 0.03, { ...surgical, providers: 3, denialBias: 1.2 }),
  dept('ASC', 'Ambulatory Surgery Center', 'Ambulatory Surgical Center', 2, 0.1, { ...surgical, pos: [['24', 1]], lateral: true, bands: SENIOR, providers: 6 }),
  dept('ANES', 'Anesthesia', 'CRNA', 2.5, 0.05, { ...surgical, encounter: ONE, providers: 9 }),
  dept('PAIN', 'Pain Management', 'Interventional Pain Management', 1, -0.05, { ...surgical, pos: [['11', 0.5], ['24', 0.3], ['22', 0.2]], lateral: true, providers: 2, denialBias: 1.35, step: [0.7, 0.72] }),
  dept('GI', 'Gastroenterology', 'Gastroenterology', 2.5, 0.06, { ...surgical, pos: [['22', 0.5], ['24', 0.3], ['11', 0.2]], providers: 5 }),
  dept('URO', 'Urology', 'Urology', 2.5, 0.03, { pos: [['11', 0.6], ['22', 0.3], ['24', 0.1]], bands: SENIOR, surgical: true, encounter: FEW, providers: 4 }),
  dept('OPH', 'Ophthalmology', 'Ophthalmology', 4, 0.05, { pos: [['11', 0.7], ['24', 0.2], ['22', 0.1]], bands: SENIOR, surgical: true, lateral: true, encounter: FEW, providers: 6 }),
  dept('OPT', 'Optometry', 'Optometry', 1.5, 0.02, { bands: [0.08, 0.42, 0.5], providers: 3 }),
  dept('ENT', 'Otolaryngology', 'Otolaryngology', 1.8, 0.02, { ...resp, bands: [0.15, 0.5, 0.35], surgical: true, encounter: FEW, providers: 4 }),
  dept('AUD', 'Audiology', 'Audiologist (billing independently)', 0.8, 0.01, { bands: [0.06, 0.3, 0.64], encounter: MANY, providers: 2 }),
  dept('DERM', 'Dermatology', 'Dermatology', 3, -0.04, { bands: [0.04, 0.42, 0.54], surgical: true, encounter: FEW, providers: 5 }),
  dept('PULM', 'Pulmonology', 'Pulmonary Disease', 2, 0.04, { ...resp, pos: HOSPITAL_OP, bands: SENIOR, encounter: FEW, providers: 4 }),
  dept('NEURO', 'Neurology', 'Neurology', 2, 0.05, { encounter: FEW, providers: 4 }),
  dept('NEPH', 'Nephrology', 'Nephrology', 1.5, 0.04, { pos: [['11', 0.5], ['65', 0.3], ['21', 0.2]], bands: SENIOR, providers: 3 }),
  dept('ENDO', 'Endocrinology', 'Endocrinology', 1.2, 0.1, { providers: 3 }),
  dept('RHEUM', 'Rheumatology', 'Rheumatology', 1, 0.05, { encounter: FEW, providers: 2 }),
  dept('ID', 'Infectious Disease', 'Infectious Disease', 0.8, -0.1, { ...resp, pos: [['21', 0.5], ['11', 0.5]], providers: 2 }),
  dept('ALLRG', 'Allergy and Immunology', 'Allergy/Immunology', 1, 0.03, { season: 'allergy', bands: [0.25, 0.55, 0.2], encounter: MANY, providers: 2 }),
  dept('OBGYN', "Obstetrics and Gynecology", 'Obstetrics/Gynecology', 2, -0.03, { pos: [['11', 0.6], ['22', 0.25], ['21', 0.15]], bands: [0.02, 0.9, 0.08], surgical: true, encounter: FEW, providers: 5 }),
  dept('PSYCH', 'Behavioral Health', 'Psychiatry', 2, 0.15, { pos: [['11', 0.6], ['21', 0.25], ['02', 0.15]], bands: [0.08, 0.72, 0.2], providers: 6, denialBias: 1.2 }),
  dept('PT', 'Physical Therapy', 'Physical Therapist', 6, 0.07, { week: 'clinic', pos: [['11', 0.55], ['22', 0.35], ['19', 0.1]], encounter: MANY, providers: 8, denialBias: 1.25 }),
  dept('PMR', 'Physical Medicine and Rehabilitation', 'Physical Medicine and Rehabilitation', 1.5, 0.03, { encounter: FEW, providers: 3 }),
  dept('POD', 'Podiatry', 'Podiatry', 1.5, 0.02, { bands: SENIOR, lateral: true, surgical: true, encounter: FEW, providers: 3 }),
];

export const DEMO_DEPARTMENTS: readonly SynthDepartment[] = DEPARTMENT_PROFILES.map(
  ({ code, name, specialty }) => ({ code, name, specialty }),
);
