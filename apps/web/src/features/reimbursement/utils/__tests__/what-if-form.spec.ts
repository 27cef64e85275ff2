import { parseWhatIfForm } from '../what-if-form';
import { whatIfUrl } from '../reimbursement-queries';

describe('parseWhatIfForm', () => {
  it('reads blanks as the schedule as loaded', () => {
    expect(parseWhatIfForm('', '')).toEqual({ input: { conversionFactor: null, workRvuPercent: null }, errors: {} });
  });

  it('reads dollars and signed percentages, with their symbols', () => {
    expect(parseWhatIfForm('$33.4009', '\u22122.5%').input).toEqual({ conversionFactor: 33.4009, workRvuPercent: -2.5 });
    expect(parseWhatIfForm('33.5675', '+10').input).toEqual({ conversionFactor: 33.5675, workRvuPercent: 10 });
  });

  it('says what is wrong beside each field and asks nothing meanwhile', () => {
    const form = parseWhatIfForm('33.12345', 'ten');
    expect(form.input).toBeNull();
    expect(form.errors.conversionFactor).toMatch(/up to 4 decimals/);
    expect(form.errors.workRvuPercent).toMatch(/percentage/);
    expect(parseWhatIfForm('0', '').errors.conversionFactor).toMatch(/above 0/);
    expect(parseWhatIfForm('', '-150').errors.workRvuPercent).toMatch(/-100%/);
  });
});

describe('whatIfUrl', () => {
  it('carries the filters and the scenario', () => {
    expect(whatIfUrl({ grain: 'month', from: '2025-01-01', to: '2025-12-31', department: ['CARD', 'RAD'] }, { conversionFactor: 33.4009, workRvuPercent: null })).toBe(
      '/api/v1/reimbursement/what-if?from=2025-01-01&to=2025-12-31&department=CARD,RAD&conversion_factor=33.4009',
    );
  });
});
