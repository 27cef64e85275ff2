import type { CapacityNeed, CapacityNeedsResponse, CapacityNeedsRow, CapacityResourceKind } from '@caseload/contracts';

/**
 * A need whose figures agree with each other: `count` units of `hoursPerUnit` hours, demand
 * at `rate` of them, the interval ±10% of demand, a target of 80%.
 */
export function need(count: number, hoursPerUnit: number, rate: number, target = 0.8): CapacityNeed {
  const available = count * hoursPerUnit;
  const demand = rate * available;
  const band = (value: number) => ({ expected: value, low: value * 0.9, high: value * 1.1 });
  const units = demand / target / hoursPerUnit;
  return {
    count,
    hoursPerUnit,
    availableHours: available,
    demandHours: band(demand),
    utilization: band(rate),
    requiredHours: band(demand / target),
    unitsNeeded: band(units),
    wholeUnitsNeeded: { expected: Math.ceil(units), low: Math.ceil(units * 0.9), high: Math.ceil(units * 1.1) },
    gap: band(units - count),
    notes: [],
  };
}

function row(department: string, resourceType: string, kind: CapacityResourceKind, count: number, rate: number, monthly: number[], additional: number): CapacityNeedsRow {
  const months = ['2026-12', '2027-01', '2027-02'];
  return {
    department,
    resourceType,
    kind,
    currentCount: count,
    horizon: need(count, 600, rate),
    additionalUnitsNeeded: additional,
    aboveTarget: rate > 0.8,
    months: monthly.map((value, i) => ({ period: months[i]!, ...need(count, 200, value) })),
    forecast: { method: 'Holt-Winters', model: 'ETS(A,Ad,A)', message: null, backtest: null },
  };
}

/** Dec 2026 – Feb 2027 at an 80% target: two resources of RAD above it, CARD and ED well below. */
export const NEEDS: CapacityNeedsResponse = {
  rows: [
    row('RAD', 'mri_scanner', 'equipment', 2, 0.92, [0.95, 0.9, 0.78], 1),
    row('RAD', 'technologist', 'staff', 4, 0.85, [0.86, 0.84, 0.85], 0.3),
    row('ED', 'physician', 'staff', 5.5, 0.5, [0.5, 0.5, 0.5], 0),
    row('CARD', 'cath_lab', 'equipment', 3, 0.4, [0.4, 0.4, 0.4], 0),
  ],
  meta: {
    horizon: 3,
    forecastFrom: '2026-12',
    forecastTo: '2027-02',
    historyFrom: '2023-12',
    historyTo: '2026-11',
    targetUtilization: 0.8,
    level: 0.8,
    whatIf: { volumeGrowthPercent: 0, extraOpeningHoursPerDay: 0, add: [] },
    uninventoried: [],
  },
};

export const TYPES = [
  { key: 'mri_scanner', name: 'MRI scanner', kind: 'equipment' as const },
  { key: 'technologist', name: 'Technologist', kind: 'staff' as const },
  { key: 'physician', name: 'Physician / APP', kind: 'staff' as const },
  { key: 'cath_lab', name: 'Cath / EP lab', kind: 'equipment' as const },
];
