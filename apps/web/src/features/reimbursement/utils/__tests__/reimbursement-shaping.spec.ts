import type { AggregateRow } from '../../../../api/aggregate';
import {
  buildDenialTrend,
  buildDepartmentPayments,
  buildMoneyTrend,
  buildCodePayments,
  buildPayerMix,
  buildProviderWrvu,
  buildReimbursementTotals,
  byWrvu,
  formatSignedMoney,
  formatSignedPercent,
  netCollectionRatio,
  unpricedNote,
} from '../reimbursement-shaping';
import { denialTrendSummary, payerMixSummary, wrvuSummary } from '../reimbursement-summaries';

describe('buildMoneyTrend', () => {
  it('puts periods oldest first and keeps missing figures as gaps', () => {
    const rows: AggregateRow[] = [
      { period: '2025-02', charges: 300.5, allowed: 200.25, paid: 150 },
      { period: '2025-01', charges: 100, allowed: null, paid: '80.10' },
    ];
    expect(buildMoneyTrend(rows)).toEqual([
      { period: '2025-01', charges: 100, allowed: null, paid: 80.1 },
      { period: '2025-02', charges: 300.5, allowed: 200.25, paid: 150 },
    ]);
  });
});

describe('buildDenialTrend', () => {
  it('gives the rate and the same rate in percent', () => {
    const points = buildDenialTrend([
      { period: '2025-Q2', denial_rate: null },
      { period: '2025-Q1', denial_rate: 0.125 },
    ]);
    expect(points).toEqual([
      { period: '2025-Q1', rate: 0.125, percent: 12.5 },
      { period: '2025-Q2', rate: null, percent: null },
    ]);
    expect(denialTrendSummary(points, 'Jan–Jun 2025', 'quarter')).toBe(
      'Line chart of the denial rate by quarter, Jan–Jun 2025. Highest 12.5% in Q1 2025, lowest 12.5% in Q1 2025.',
    );
  });
});

describe('buildPayerMix', () => {
  it('ranks payer categories by charges with shares that add up to one', () => {
    const payers = buildPayerMix([
      { payer_category: 'self_pay', charges: 100 },
      { payer_category: 'medicare', charges: 600.1 },
      { payer_category: 'commercial', charges: 299.9 },
    ]);
    expect(payers.map((payer) => [payer.name, payer.charges])).toEqual([
      ['Medicare', 600.1],
      ['Commercial', 299.9],
      ['Self-pay', 100],
    ]);
    expect(payers.map((payer) => payer.share)).toEqual([0.6001, 0.2999, 0.1]);
    expect(payerMixSummary(payers, '2025')).toBe('Bar chart of charges by payer category, 2025. Medicare $600 (60.0%), Commercial $300 (30.0%), Self-pay $100 (10.0%).');
  });

  it('gives no payers and no shares when nothing was charged', () => {
    expect(buildPayerMix([])).toEqual([]);
    expect(buildPayerMix([{ payer_category: 'other', charges: 0, encounters: 0 }])).toEqual([
      { category: 'other', name: 'Other', charges: 0, share: 0, encounters: 0, encounterShare: null },
    ]);
  });

  it('gives each category its share of encounters, none where a count is hidden', () => {
    // 30 + 10 = 40 encounters: 75.0 % and 25.0 %.
    const payers = buildPayerMix([
      { payer_category: 'medicare', charges: 100, encounters: 30 },
      { payer_category: 'commercial', charges: 300, encounters: 10 },
    ]);
    expect(payers.map((payer) => [payer.category, payer.encounterShare])).toEqual([
      ['commercial', 0.25],
      ['medicare', 0.75],
    ]);
    const hidden = buildPayerMix([
      { payer_category: 'medicare', charges: 100, encounters: 30 },
      { payer_category: 'self_pay', charges: 10, encounters: null },
    ]);
    expect(hidden.map((payer) => [payer.category, payer.encounters, payer.encounterShare])).toEqual([
      ['medicare', 30, null],
      ['self_pay', null, null],
    ]);
  });
});

describe('buildDepartmentPayments', () => {
  it('works out the variance of paid against expected to the cent', () => {
    const departments = buildDepartmentPayments([
      { department: 'RAD', paid: 0.3, expected_payment: 0.1, wrvu: 1.5 },
      { department: 'CARD', paid: 900, expected_payment: 1000, wrvu: 12.25 },
      { department: 'LAB', paid: 20, expected_payment: 0, wrvu: 0 },
    ]);
    expect(departments).toEqual([
      { department: 'CARD', paid: 900, expected: 1000, variance: -100, variancePercent: -0.1, wrvu: 12.25 },
      { department: 'RAD', paid: 0.3, expected: 0.1, variance: 0.2, variancePercent: 2, wrvu: 1.5 },
      { department: 'LAB', paid: 20, expected: 0, variance: 20, variancePercent: null, wrvu: 0 },
    ]);
    expect(byWrvu(departments).map((item) => item.department)).toEqual(['CARD', 'RAD', 'LAB']);
    expect(wrvuSummary(byWrvu(departments), '2025', 20)).toBe('Bar chart of work RVUs by department, 2025, most first. The most: CARD 12.3, RAD 1.5, LAB 0.');
    expect(wrvuSummary(byWrvu(departments), '2025', 2)).toBe('Bar chart of work RVUs by department, 2025, the 2 with the most of 3, most first. The most: CARD 12.3, RAD 1.5.');
  });
});

describe('the net collection ratio', () => {
  it('is paid over allowed', () => {
    expect(netCollectionRatio(750, 1000)).toBe(0.75);
    expect(netCollectionRatio(0.3, 0.3)).toBe(1);
  });

  it('is unknown when nothing was allowed', () => {
    expect(netCollectionRatio(10, 0)).toBeNull();
    expect(netCollectionRatio(null, 100)).toBeNull();
  });

  it('comes with the other totals', () => {
    expect(buildReimbursementTotals({ charges: 2000, allowed: 1200, paid: 900, expected_payment: 1100.55, wrvu: 42.5 })).toEqual({
      charges: 2000,
      allowed: 1200,
      paid: 900,
      expectedPayment: 1100.55,
      wrvu: 42.5,
      netCollectionRatio: 0.75,
    });
  });
});

describe('wording', () => {
  it('signs a variance percentage', () => {
    expect(formatSignedPercent(0.125)).toBe('+12.5%');
    expect(formatSignedPercent(-0.03)).toBe('\u22123.0%');
    expect(formatSignedPercent(0.00001)).toBe('0.0%');
    expect(formatSignedPercent(null)).toBe('—');
    expect(formatSignedPercent(165.714)).toBe('+16,571.4%');
  });

  it('signs a variance in dollars with a true minus', () => {
    expect(formatSignedMoney(1944.72)).toBe('+$1,944.72');
    expect(formatSignedMoney(-5282.27)).toBe('\u2212$5,282.27');
    expect(formatSignedMoney(0)).toBe('$0.00');
  });

  it('notes the lines that could not be priced, only when there are some', () => {
    expect(unpricedNote(0)).toBeNull();
    expect(unpricedNote(undefined)).toBeNull();
    expect(unpricedNote(1)).toMatch(/^1 line could not be priced/);
    expect(unpricedNote(1234)).toMatch(/^1,234 lines could not be priced/);
  });
});

describe('buildCodePayments and buildProviderWrvu', () => {
  it('computes the variance of each code in cents', () => {
    // 99213: paid 100.10 against 120.25 expected: −20.15, −20.15 / 120.25 = −16.76 %.
    expect(buildCodePayments([{ code: '99213', lines: 4, paid: 100.1, expected_payment: 120.25 }])).toEqual([
      { code: '99213', lines: 4, paid: 100.1, expected: 120.25, variance: -20.15, variancePercent: -2015 / 12025 },
    ]);
  });

  it('labels lines without a provider', () => {
    expect(buildProviderWrvu([{ provider: '1234567893', wrvu: 10.5, lines: 3 }, { provider: null, wrvu: 1, lines: 1 }])).toEqual([
      { npi: '1234567893', label: 'NPI 1234567893', wrvu: 10.5, lines: 3 },
      { npi: null, label: 'No provider on the line', wrvu: 1, lines: 1 },
    ]);
  });
});
