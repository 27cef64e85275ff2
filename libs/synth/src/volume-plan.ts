import type { CalendarSpan } from './calendar.js';
import type { DepartmentProfile, Season, WeekPattern } from './departments.js';
import { hashUnit } from './prng.js';

// Math's members as module constants: global look-ups are slow inside Jest's vm sandbox.
const { PI, cos, exp, log1p, max, round } = Math;

/** Sunday-first weekday factors, and the factor on a federal holiday. */
const WEEK: Readonly<Record<WeekPattern, readonly number[]>> = {
  clinic: [0.05, 1.12, 1.06, 1.03, 1.0, 0.9, 0.12],
  surgical: [0.02, 1.1, 1.1, 1.05, 1.04, 0.85, 0.05],
  diagnostic: [0.3, 1.1, 1.06, 1.04, 1.02, 0.97, 0.38],
  urgent: [0.72, 1.15, 1.0, 0.97, 0.97, 1.0, 0.85],
  inpatient: [0.8, 1.06, 1.05, 1.04, 1.03, 1.0, 0.82],
  ed: [0.97, 1.12, 1.04, 1.0, 0.99, 1.0, 0.98],
};
const HOLIDAY: Readonly<Record<WeekPattern, number>> = {
  clinic: 0.05, surgical: 0.02, diagnostic: 0.3, urgent: 0.8, inpatient: 0.85, ed: 1.02,
};
const PATTERNS: readonly WeekPattern[] = ['clinic', 'surgical', 'diagnostic', 'urgent', 'inpatient', 'ed'];
const SEASONS: readonly Season[] = ['flat', 'respiratory', 'allergy'];
/** Jan..Dec: spring and autumn busy, summer vacation dip, December holiday dip. */
const MONTH = [1.0, 1.0, 1.04, 1.01, 1.02, 0.98, 0.93, 0.97, 1.0, 1.04, 0.99, 0.92];

/**
 * Volume model: department size × growth × season × weekday/holiday × month and day noise.
 * The expected lines of every department on every day are computed once (days × departments
 * numbers: a few hundred KB, independent of the number of lines).
 */
export class VolumePlan {
  private readonly weights: Float64Array;
  private readonly linesPerEncounter: Float64Array;
  /** Per department: size and log(1 + growth) — numbers, not property look-ups, in the loop. */
  private readonly profile: Float64Array;
  private readonly patternOf: Uint8Array;
  private readonly seasonOf: Uint8Array;

  constructor(
    private readonly depts: readonly DepartmentProfile[],
    private readonly cal: CalendarSpan,
    seedKey: number,
  ) {
    this.linesPerEncounter = Float64Array.from(depts, (d) => {
      const [a, b, c, e] = d.encounter;
      return (a + 2 * b + 3 * c + 4 * e) / (a + b + c + e);
    });
    this.profile = Float64Array.from(depts.flatMap((d) => [d.size, log1p(d.growth)]));
    this.patternOf = Uint8Array.from(depts, (d) => PATTERNS.indexOf(d.week));
    this.seasonOf = Uint8Array.from(depts, (d) => SEASONS.indexOf(d.season));
    this.weights = new Float64Array(cal.days * depts.length);
    for (let i = 0; i < cal.days; i++) this.fillDay(i, seedKey);
  }

  /** Writes cumulative encounter weights of day `i` into `cum`; returns their total. */
  encounterCumulative(i: number, cum: Float64Array): number {
    const n = this.depts.length;
    let sum = 0;
    for (let k = 0; k < n; k++) cum[k] = sum += this.weights[i * n + k] / this.linesPerEncounter[k];
    return sum;
  }

  /** Lines per day summing to exactly `lines` (cumulative rounding keeps the total). */
  dayCounts(lines: number): Int32Array {
    const { days } = this.cal;
    const n = this.depts.length;
    const totals = new Float64Array(days);
    let grand = 0;
    for (let i = 0; i < days; i++) {
      for (let k = 0; k < n; k++) totals[i] += this.weights[i * n + k];
      grand += totals[i];
    }
    const counts = new Int32Array(days);
    let cum = 0;
    let placed = 0;
    for (let i = 0; i < days; i++) {
      cum += totals[i];
      const upTo = i === days - 1 ? lines : round((lines * cum) / grand);
      counts[i] = upTo - placed;
      placed = upTo;
    }
    return counts;
  }

  private fillDay(i: number, seedKey: number): void {
    const { cal, depts, profile } = this;
    const years = i / 365.25;
    const fraction = i / max(1, cal.days - 1);
    const month = cal.month[i];
    const monthIndex = (cal.year[i] - 1990) * 12 + month;
    const holiday = cal.holiday[i];
    const lateDecember = month === 11 && cal.iso[i].slice(8) >= '22';
    const angle = (2 * PI * cal.dayOfYear[i]) / 365.25;
    // By SEASONS index: flat, respiratory peak in late January, allergy peak in early May.
    const season = [1, 1 + 0.16 * cos(angle - 0.344), 1 + 0.14 * cos(angle - 2.15)];
    const day = PATTERNS.map((pattern) => {
      const f = holiday === 1 ? HOLIDAY[pattern] : WEEK[pattern][cal.dow[i]];
      const elective = pattern !== 'ed' && pattern !== 'inpatient' && pattern !== 'urgent';
      return elective && (holiday === 2 || lateDecember) ? f * (holiday === 2 ? 0.55 : 0.85) : f;
    });
    for (let k = 0; k < depts.length; k++) {
      let w = profile[2 * k] * exp(years * profile[2 * k + 1]) * MONTH[month];
      w *= season[this.seasonOf[k]] * day[this.patternOf[k]];
      const step = depts[k].step;
      if (step && fraction >= step[0]) w *= step[1];
      w *= 0.94 + 0.12 * hashUnit(seedKey, k, monthIndex + 1_000_000);
      w *= 0.93 + 0.14 * hashUnit(seedKey, k, i);
      this.weights[i * depts.length + k] = w;
    }
  }
}
