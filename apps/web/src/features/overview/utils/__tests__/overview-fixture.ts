import type { AggregateResponse } from '../../../../api/aggregate';

// Three months, sent out of order on purpose. Totals worked by hand:
// lines 330 vs 300 (+10 %), encounters 120 vs 120 (flat), patients 90 vs 0 (no base),
// charges 15,230.50 vs 12,184.40 (+25 %), paid 9,000 vs 10,000 (−10 %),
// denial rate 0.08 vs 0.10 (−2 points).
export const threeMonths: AggregateResponse = {
  rows: [
    { period: '2025-03', lines: 120, lines_compare: 100, encounters: 40, encounters_compare: 40, patients: 30, patients_compare: 0, charges: 5230.5, charges_compare: 4184.4, paid: 3000, paid_compare: 3500, denial_rate: 0.05, denial_rate_compare: 0.1 },
    { period: '2025-01', lines: 100, lines_compare: 90, encounters: 40, encounters_compare: 40, patients: 30, patients_compare: 0, charges: 5000, charges_compare: 4000, paid: 3000, paid_compare: 3000, denial_rate: 0.1, denial_rate_compare: 0.1 },
    { period: '2025-02', lines: 110, lines_compare: 110, encounters: 40, encounters_compare: 40, patients: 30, patients_compare: 0, charges: 5000, charges_compare: 4000, paid: 3000, paid_compare: 3500, denial_rate: null, denial_rate_compare: 0.1 },
  ],
  totals: {
    lines: 330, lines_compare: 300,
    encounters: 120, encounters_compare: 120,
    patients: 90, patients_compare: 0,
    charges: 15230.5, charges_compare: 12184.4,
    paid: 9000, paid_compare: 10000,
    denial_rate: 0.08, denial_rate_compare: 0.1,
  },
  meta: { grain: 'month', from: '2025-01-01', to: '2025-03-31', rowCount: 3, suppressed: 0 },
};
