/** The schedule change a what-if applies; both optional (none at all shows the schedule as it is). */
export interface WhatIfScenario {
  /** Replaces the conversion factor of every schedule year in the range, e.g. 33.4009. */
  conversionFactor: number | null;
  /** Changes every work RVU by this percentage (rounded to hundredths of an RVU), e.g. 2.5. */
  workRvuPercent: number | null;
}

/** Expected payment of one department or section: the schedule as loaded, and under the scenario. */
export interface WhatIfRow {
  /** The department code, or the section id. */
  key: string;
  /** Units of the priced lines. */
  units: number;
  /** Dollars, exact to the cent. */
  current: number;
  scenario: number;
  /** scenario − current, dollars. */
  change: number;
  /** change ÷ current; null when current is 0. */
  changeRatio: number | null;
}

export interface WhatIfResponse {
  byDepartment: WhatIfRow[];
  bySection: WhatIfRow[];
  totals: Omit<WhatIfRow, 'key'>;
  meta: {
    from: string;
    to: string;
    scenario: WhatIfScenario;
    /** The conversion factor of each schedule year that priced lines in the range, as loaded and under the scenario. */
    conversionFactors: { year: number; current: number; scenario: number }[];
    /** The locality the fees are computed for (CASELOAD_LOCALITY), null for the national average. */
    locality: string | null;
    /** Lines in the range the schedule does not price; they add 0 under both. */
    unpriced: number;
    source: 'memory' | 'rollup_month_price' | 'facts';
  };
}

/** One CARC among the denied lines. */
export interface DenialReasonRow {
  /** The CARC number without its group code ("50" for CO-50); '' for denials without a reason. */
  carc: string;
  /** Only where the user loaded the CARC list; null otherwise. */
  description: string | null;
  deniedLines: number;
  /** deniedLines ÷ all denied lines in the answer's filters. */
  share: number;
  /** Dollars charged on those lines. */
  deniedCharges: number;
}

export interface DenialReasonsResponse {
  rows: DenialReasonRow[];
  totals: { deniedLines: number; deniedCharges: number; reasons: number };
  meta: { from: string; to: string; rowCount: number; descriptionsLoaded: number; source: 'memory' | 'rollup_month_denial' | 'facts' };
}

export interface DenialCodesLoadResult {
  codes: number;
}
