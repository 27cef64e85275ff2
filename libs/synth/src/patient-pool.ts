import { PAYER_CUM_BY_BAND } from './payers.js';
import { hashUnit, pickIndex, type Sfc32 } from './prng.js';

// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { ceil, floor, max, min, round } = Math;

/** Child, adult, senior shares of the patient pool. */
const BAND_SHARES = [0.14, 0.46, 0.4];
/** Multiplier coprime with 10^8: index → 8-digit id is a bijection, and ids look scattered. */
const ID_MULTIPLIER = 7_368_787;
const ID_SPACE = 100_000_000;

/**
 * About lines/6 synthetic patients in three age bands. Nothing is stored per patient: a
 * patient is an index, its id and insurer are functions of the index and the seed. Visits
 * are skewed — a few frequent patients (dialysis, infusion, therapy) and a long tail.
 */
export class PatientPool {
  private readonly start: number[] = [];
  private readonly size: number[] = [];
  private readonly offset: number;

  constructor(lines: number, private readonly seedKey: number) {
    const pool = min(ID_SPACE, max(3, round(lines / 6)));
    let start = 0;
    for (const share of BAND_SHARES) {
      const size = max(1, round(pool * share));
      this.start.push(start);
      this.size.push(size);
      start += size;
    }
    this.offset = seedKey % ID_SPACE;
  }

  draw(rng: Sfc32, band: number): number {
    const size = this.size[band];
    const tier = rng.next();
    const reach = tier < 0.08 ? ceil(size * 0.003) : tier < 0.33 ? ceil(size * 0.05) : size;
    return this.start[band] + floor(rng.next() * reach);
  }

  /** The 8-digit number of the patient's id (`P` + 8 digits). */
  idNumber(patient: number): number {
    return (patient * ID_MULTIPLIER + this.offset) % ID_SPACE;
  }

  payer(patient: number, band: number): number {
    const cum = PAYER_CUM_BY_BAND[band];
    return pickIndex(cum, hashUnit(this.seedKey, patient, 7) * cum[cum.length - 1]);
  }
}
