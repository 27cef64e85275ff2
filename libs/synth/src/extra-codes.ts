/**
 * Codes outside the 2012 PUF mix, so the demo exercises every code section: Category II
 * quality codes (reported at $0), Category III, PLA and MAAA lab codes. Code values only;
 * the amounts are the project's own round figures (2012-dollar scale, like the PUF mix).
 */
export interface ExtraCode {
  code: string;
  /** Share of the department's lines. */
  share: number;
  charge: number;
  allowed: number;
  paid: number;
}

const QUALITY: readonly ExtraCode[] = [
  { code: '3074F', share: 0.006, charge: 0, allowed: 0, paid: 0 },
  { code: '3075F', share: 0.004, charge: 0, allowed: 0, paid: 0 },
  { code: '1036F', share: 0.003, charge: 0, allowed: 0, paid: 0 },
  { code: '4004F', share: 0.002, charge: 0, allowed: 0, paid: 0 },
  { code: '1123F', share: 0.002, charge: 0, allowed: 0, paid: 0 },
];

export const EXTRA_CODES: Readonly<Record<string, readonly ExtraCode[]>> = {
  PCP: QUALITY,
  IMC: QUALITY,
  GERI: QUALITY,
  ENDO: QUALITY.slice(0, 3),
  CARD: QUALITY.slice(2, 4),
  LAB: [
    { code: '0202U', share: 0.006, charge: 650, allowed: 416, paid: 416 },
    { code: '0016U', share: 0.001, charge: 420, allowed: 300, paid: 300 },
    { code: '0004M', share: 0.001, charge: 480, allowed: 350, paid: 350 },
    { code: '0011M', share: 0.001, charge: 380, allowed: 260, paid: 260 },
  ],
  RAD: [{ code: '0042T', share: 0.002, charge: 900, allowed: 210, paid: 168 }],
  IMG: [{ code: '0042T', share: 0.002, charge: 900, allowed: 210, paid: 168 }],
  VASC: [{ code: '0075T', share: 0.001, charge: 2400, allowed: 600, paid: 480 }],
};
