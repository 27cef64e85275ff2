import { contrastRatio, HEAT_STEPS, heatStep, heatStepIndex, ZERO_STEP } from '../heat-scale';

describe('heatStepIndex', () => {
  it('slices 0..max into equal steps, max itself in the darkest', () => {
    // 7 steps over 0..70: 10 per step.
    expect(heatStepIndex(1, 70)).toBe(0);
    expect(heatStepIndex(9.9, 70)).toBe(0);
    expect(heatStepIndex(10, 70)).toBe(1);
    expect(heatStepIndex(35, 70)).toBe(3);
    expect(heatStepIndex(69, 70)).toBe(6);
    expect(heatStepIndex(70, 70)).toBe(6);
  });

  it('puts nothing, unknown and a zero maximum outside the scale', () => {
    expect(heatStepIndex(0, 70)).toBe(-1);
    expect(heatStepIndex(null, 70)).toBe(-1);
    expect(heatStepIndex(5, 0)).toBe(-1);
    expect(heatStep(0, 70)).toBe(ZERO_STEP);
  });
});

describe('the heat-map colours', () => {
  it('keep text on every step at AA contrast (4.5:1)', () => {
    for (const step of [...HEAT_STEPS, ZERO_STEP]) {
      expect(contrastRatio(step.background, step.color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darken step by step', () => {
    const whites = HEAT_STEPS.map((step) => contrastRatio(step.background, '#ffffff'));
    expect(whites).toEqual([...whites].sort((a, b) => a - b));
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
