import { calendarSpan, type CalendarSpan } from './calendar.js';
import { DEPARTMENT_PROFILES } from './departments.js';
import { buildDepartments, total, type DeptRuntime } from './dept-runtime.js';
import { CLAIM_DENIAL_RATE, CLAIM_REASON_CUM, LINE_DENIAL_RATE, LINE_REASON_CUM, pendingShare } from './denials.js';
import { drawMinutes, drawModifier, drawUnits } from './line-details.js';
import { PatientPool } from './patient-pool.js';
import { PAYERS, SELF_PAY } from './payers.js';
import { mix32, pickIndex, Sfc32 } from './prng.js';
import { resolveOptions, type SynthOptions } from './synth-options.js';
import { DENIED, FIRST_CLAIM_REASON, FIRST_LINE_REASON, MOD_TC, PAID, PENDING } from './vocabulary.js';
import { VolumePlan } from './volume-plan.js';

// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { floor, max, min, pow, round } = Math;

/** 2012 PUF charges → a 2024 chargemaster, and its yearly increase. */
const CHARGE_MARKUP_2024 = 1.55;
const CHARGE_INCREASE = 0.045;
const CLAIM_REASON_TOTAL = total(CLAIM_REASON_CUM);
const LINE_REASON_TOTAL = total(LINE_REASON_CUM);

/**
 * The generator's state machine: day → encounter → line. After `next()` the public fields
 * describe the line as numbers and indices; the row encoders turn them into text or bytes.
 */
export class LineEngine {
  readonly cal: CalendarSpan;
  readonly depts: readonly DeptRuntime[];
  // The current line (read by the encoders).
  day = -1;
  dept!: DeptRuntime;
  /** Encounter number within the day, from 1. */
  seq = 0;
  lineNo = 0;
  patientNumber = 0;
  codeIndex = 0;
  modifier = 0;
  units = 1;
  posIndex = 0;
  payer = 0;
  /** Index into dept.npis, -1 = no rendering provider. */
  npiIndex = -1;
  /** Amounts in cents. */
  charge = 0;
  allowed = 0;
  paid = 0;
  status = PAID;
  reason = 0;
  /** -1 = not recorded. */
  minutes = -1;

  private readonly rng: Sfc32;
  private readonly plan: VolumePlan;
  private readonly counts: Int32Array;
  private readonly patients: PatientPool;
  private readonly deptCum: Float64Array;
  private readonly encounterCodes = new Int32Array(4);
  private readonly allowedFactor = new Float64Array(PAYERS.length);
  private readonly paidRatio = Float64Array.from(PAYERS, (p) => p.paidRatio ?? -1);
  private deptTotal = 0;
  private leftInDay = 0;
  private year = -1;
  private chargeFactor = 1;
  private pendingChance = 0;
  private denialTrend = 1;
  private left = 0;
  private size = 0;
  private pending = false;
  private claimReason = 0;
  private lineDenialChance = 0;

  constructor(opts: SynthOptions) {
    const { lines, seed, startDay, endDay } = resolveOptions(opts);
    const seedKey = mix32((seed % 4294967296) ^ mix32(floor(seed / 4294967296)));
    this.rng = new Sfc32(seed, 1);
    this.cal = calendarSpan(startDay, endDay);
    this.plan = new VolumePlan(DEPARTMENT_PROFILES, this.cal, seedKey);
    this.counts = this.plan.dayCounts(lines);
    this.depts = buildDepartments(DEPARTMENT_PROFILES, new Sfc32(seed, 2), seedKey);
    this.patients = new PatientPool(lines, seedKey);
    this.deptCum = new Float64Array(this.depts.length);
  }

  /** Advances to the next line; false when all lines are out. */
  next(): boolean {
    if (this.left === 0 && !this.startEncounter()) return false;
    const rng = this.rng;
    const dept = this.dept;
    const t = dept.table;
    const lineNo = ++this.lineNo;
    const ci = (this.codeIndex = this.drawCode(dept, lineNo));
    this.left--;
    const units = (this.units = drawUnits(rng, t.units[ci]));
    const modifier = (this.modifier = drawModifier(rng, t.kind[ci], dept.profile, lineNo, this.size));
    const component = modifier === MOD_TC ? 2 : 1;
    const charge = (this.charge = round(units * t.charge[ci] * this.chargeFactor * component * 100));
    let status = PAID;
    let reason = 0;
    let allowed = 0;
    let paid = 0;
    if (this.pending) status = PENDING;
    else if (this.claimReason !== 0) {
      status = DENIED;
      reason = this.claimReason;
    } else if (charge > 0 && rng.next() < this.lineDenialChance) {
      status = DENIED;
      reason = FIRST_LINE_REASON + pickIndex(LINE_REASON_CUM, rng.next() * LINE_REASON_TOTAL);
    } else if (this.payer === SELF_PAY) {
      allowed = round(charge * this.allowedFactor[SELF_PAY]);
      paid = rng.next() < this.paidRatio[SELF_PAY] ? allowed : 0;
    } else {
      const base = units * t.allowed[ci] * component * this.allowedFactor[this.payer];
      allowed = min(charge, round(base * (97 + 6 * rng.next())));
      const ratio = this.paidRatio[this.payer];
      paid = round(allowed * (ratio < 0 ? t.paidRatio[ci] : ratio));
    }
    this.status = status;
    this.reason = reason;
    this.allowed = allowed;
    this.paid = paid;
    this.minutes = drawMinutes(rng, t.minutes[ci], t.minutesShare[ci], t.timed[ci], units);
    return true;
  }

  /**
   * The first line is the visit's main service; later lines are ancillaries (no second
   * E/M) and, where the mix allows, not a code the encounter already has.
   */
  private drawCode(dept: DeptRuntime, lineNo: number): number {
    const t = dept.table;
    const first = lineNo === 1 || dept.ancillaryTotal === 0;
    const cum = first ? t.cum : t.cumAncillary;
    const weight = first ? dept.codeTotal : dept.ancillaryTotal;
    const used = this.encounterCodes;
    let ci = pickIndex(cum, this.rng.next() * weight);
    for (let tries = 0; tries < 3 && lineNo > 1; tries++) {
      let seen = false;
      for (let j = 0; j < lineNo - 1; j++) if (used[j] === ci) seen = true;
      if (!seen) break;
      ci = pickIndex(cum, this.rng.next() * weight);
    }
    used[lineNo - 1] = ci;
    return ci;
  }

  private startEncounter(): boolean {
    while (this.leftInDay === 0) {
      if (++this.day >= this.cal.days) return false;
      this.enterDay();
    }
    const rng = this.rng;
    const dept = this.depts[pickIndex(this.deptCum, rng.next() * this.deptTotal)];
    const size = min(1 + pickIndex(dept.encounterCum, rng.next() * total(dept.encounterCum)), this.leftInDay);
    this.dept = dept;
    this.leftInDay -= size;
    this.left = this.size = size;
    this.lineNo = 0;
    this.seq++;
    const band = pickIndex(dept.bandCum, rng.next() * total(dept.bandCum));
    const patient = this.patients.draw(rng, band);
    this.patientNumber = this.patients.idNumber(patient);
    this.payer = this.patients.payer(patient, band);
    this.npiIndex = dept.noNpiShare > 0 && rng.next() < dept.noNpiShare
      ? -1 : pickIndex(dept.npiCum, rng.next() * total(dept.npiCum));
    this.posIndex = pickIndex(dept.posCum, rng.next() * total(dept.posCum));
    this.pending = rng.next() < this.pendingChance;
    const bias = PAYERS[this.payer].denials * dept.profile.denialBias * this.denialTrend;
    this.claimReason = !this.pending && rng.next() < CLAIM_DENIAL_RATE * bias
      ? FIRST_CLAIM_REASON + pickIndex(CLAIM_REASON_CUM, rng.next() * CLAIM_REASON_TOTAL) : 0;
    this.lineDenialChance = LINE_DENIAL_RATE * bias;
    return true;
  }

  private enterDay(): void {
    const i = this.day;
    this.leftInDay = this.counts[i];
    this.seq = 0;
    this.deptTotal = this.plan.encounterCumulative(i, this.deptCum);
    this.pendingChance = pendingShare(this.cal.days - 1 - i);
    // Denials drift up over the span, as they have industry-wide.
    this.denialTrend = 0.92 + (0.16 * i) / max(1, this.cal.days - 1);
    if (this.cal.year[i] !== this.year) this.enterYear(this.cal.year[i]);
  }

  private enterYear(year: number): void {
    this.year = year;
    const since = year - 2024;
    this.chargeFactor = CHARGE_MARKUP_2024 * pow(1 + CHARGE_INCREASE, since);
    PAYERS.forEach((p, k) => {
      const escalated = p.allowedFactor * pow(1 + p.escalator, since);
      this.allowedFactor[k] = p.category === 'self_pay' ? p.allowedFactor : escalated;
    });
  }
}
