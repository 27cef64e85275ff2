// A sequential single-hue scale (ColorBrewer "Blues") for heat-maps. Each step carries the
// text colour that reads on it at WCAG AA (4.5:1); the tests check every pair.

export interface HeatStep {
  background: string;
  color: string;
}

const INK = '#17202a';
const WHITE = '#ffffff';

/** Light to dark. A cell with no activity at all gets ZERO_STEP, set apart from the lowest count. */
export const HEAT_STEPS: readonly HeatStep[] = [
  { background: '#eff3ff', color: INK },
  { background: '#c6dbef', color: INK },
  { background: '#9ecae1', color: INK },
  { background: '#6baed6', color: INK },
  { background: '#4292c6', color: INK },
  { background: '#2171b5', color: WHITE },
  { background: '#084594', color: WHITE },
];

export const ZERO_STEP: HeatStep = { background: '#ffffff', color: '#4a5563' };

/**
 * The step of a value on a linear scale from 0 to `max`: equal slices of the range, the
 * top slice closed so `max` itself is the darkest. 0, negative and unknown values → -1.
 */
export function heatStepIndex(value: number | null, max: number, steps = HEAT_STEPS.length): number {
  if (value === null || !(value > 0) || !(max > 0)) return -1;
  return Math.min(steps - 1, Math.floor((value / max) * steps));
}

export function heatStep(value: number | null, max: number): HeatStep {
  const index = heatStepIndex(value, max);
  return index < 0 ? ZERO_STEP : (HEAT_STEPS[index] ?? ZERO_STEP);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const channel = parseInt(part ?? '0', 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
