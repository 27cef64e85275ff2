import { describeWhatIf, EMPTY_WHAT_IF_FIELDS, parseWhatIfForm } from '../what-if-form';

const counts = new Map([
  ['RAD/mri_scanner', 2],
  ['ED/physician', 5.5],
]);

describe('parseWhatIfForm', () => {
  it('reads blank fields as the plan', () => {
    expect(parseWhatIfForm(EMPTY_WHAT_IF_FIELDS, counts, 0.8)).toEqual({ whatIf: { growthPercent: 0, extraHours: 0, target: 0.8, add: {} }, errors: { add: {} } });
  });

  it('reads percentages, hours, a target in percent and unit changes', () => {
    const form = parseWhatIfForm({ growthPercent: '12.5%', extraHours: '2', targetPercent: '85', add: { 'RAD/mri_scanner': '+1', 'ED/physician': '\u22120.5', 'X/y': '0' } }, counts, 0.8);
    expect(form.whatIf).toEqual({ growthPercent: 12.5, extraHours: 2, target: 0.85, add: { 'RAD/mri_scanner': 1, 'ED/physician': -0.5 } });
  });

  it('says what is wrong beside each field and asks for nothing', () => {
    const form = parseWhatIfForm({ growthPercent: '-100', extraHours: '-1', targetPercent: '120', add: { 'RAD/mri_scanner': '-3', 'ED/physician': 'two' } }, counts, 0.8);
    expect(form.whatIf).toBeNull();
    expect(form.errors).toEqual({
      growthPercent: 'Enter a change above -100% and at most 1,000%, such as 10 or -5.',
      extraHours: 'Enter hours from 0 to 24, such as 2.',
      targetPercent: 'Enter a target above 0% and at most 100%, such as 85.',
      add: { 'RAD/mri_scanner': 'There are only 2 to remove.', 'ED/physician': 'Enter units or FTEs from -1,000 to 1,000, such as 1 or -0.5.' },
    });
  });
});

describe('describeWhatIf', () => {
  it('puts the scenario in words, or nothing for the plan', () => {
    const label = (key: string) => (key === 'RAD/mri_scanner' ? 'MRI scanner in RAD' : key);
    expect(describeWhatIf({ growthPercent: 10, extraHours: 1, target: 0.85, add: { 'RAD/mri_scanner': 1 } }, 0.8, label)).toBe(
      '10% more volume, MRI scanner in RAD +1, 1 more opening hour a day for equipment, a target of 85%',
    );
    expect(describeWhatIf({ growthPercent: -5, extraHours: 0, target: 0.8, add: {} }, 0.8, label)).toBe('5% less volume');
    expect(describeWhatIf({ growthPercent: 0, extraHours: 0, target: 0.8, add: {} }, 0.8, label)).toBeNull();
  });
});
