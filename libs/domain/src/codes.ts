// Procedure code syntax (DESIGN §3.1) and the sections of the code set (§3.3).

export const SECTIONS = [
  'em',
  'anesthesia',
  'surgery',
  'radiology',
  'pathology_lab',
  'medicine',
  'category_ii',
  'category_iii',
  'hcpcs_ii',
  'other',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
  em: 'Evaluation & management',
  anesthesia: 'Anesthesia',
  surgery: 'Surgery',
  radiology: 'Radiology',
  pathology_lab: 'Pathology & laboratory',
  medicine: 'Medicine',
  category_ii: 'Category II (performance)',
  category_iii: 'Category III (emerging)',
  hcpcs_ii: 'HCPCS Level II',
  other: 'Other',
};

/** Said to a person whose code was refused. */
export const ACCEPTED_CODE_FORMATS =
  'a CPT code (5 digits, or 4 digits followed by A, M, F, T or U) or a HCPCS Level II code (a letter A to V and 4 digits)';

const VALID_CODE = /^(?:\d{5}|\d{4}[AMFTU]|[A-V]\d{4})$/;

// Inclusive ranges of five-digit codes; anything valid outside them is `other`.
const NUMERIC_RANGES: ReadonlyArray<readonly [number, number, SectionId]> = [
  [100, 1999, 'anesthesia'],
  [10004, 69990, 'surgery'],
  [70010, 79999, 'radiology'],
  [80047, 89398, 'pathology_lab'],
  [90281, 99099, 'medicine'],
  [99100, 99140, 'anesthesia'],
  [99141, 99199, 'medicine'],
  [99202, 99499, 'em'],
  [99500, 99607, 'medicine'],
];

const SUFFIX_SECTIONS: Readonly<Record<string, SectionId>> = {
  A: 'medicine',
  M: 'pathology_lab',
  U: 'pathology_lab',
  F: 'category_ii',
  T: 'category_iii',
};

export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Expects a normalized code (see `normalizeCode`). */
export function isValidCode(code: string): boolean {
  return VALID_CODE.test(code);
}

/** The section of a code; normalizes first, and calls an invalid code `other`. */
export function sectionOf(code: string): SectionId {
  const c = normalizeCode(code);
  if (!VALID_CODE.test(c)) return 'other';
  const first = c.charAt(0);
  if (first < '0' || first > '9') return 'hcpcs_ii';
  const suffix = SUFFIX_SECTIONS[c.charAt(4)];
  if (suffix !== undefined) return suffix;
  const n = Number(c);
  for (const [lo, hi, section] of NUMERIC_RANGES) {
    if (n >= lo && n <= hi) return section;
  }
  return 'other';
}

export function isSectionId(s: string): s is SectionId {
  return (SECTIONS as readonly string[]).includes(s);
}
