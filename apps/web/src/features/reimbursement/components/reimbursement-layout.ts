import { grainNoun } from '../../../ui/grain-words';

// Shared by the loaded page and its skeleton (which loads before Recharts does), so both
// take the same room and nothing jumps when the figures arrive.
export const MONEY_TREND_HEIGHT = 260;
export const DENIAL_TREND_HEIGHT = 220;
export const PAYER_MIX_HEIGHT = 240;
export const WRVU_HEIGHT = 260;
export const PLACEHOLDER_ROWS = 6;
/** Bars the wRVU chart draws (the busiest departments); its table lists every department. */
export const WRVU_BARS = 20;

export function moneyTrendTitle(grain: string): string {
  return `Charges, allowed and paid by ${grainNoun(grain)}`;
}

export function denialTrendTitle(grain: string): string {
  return `Denial rate by ${grainNoun(grain)}`;
}

export const PAYER_MIX_TITLE = 'Payer mix';
export const EXPECTED_TITLE = 'Expected vs actual payment by department';
export const WRVU_TITLE = 'Work RVUs by department';
export const TILES_TITLE = 'Headline figures';
export const DENIAL_REASONS_TITLE = 'Top denial reasons';
export const WHAT_IF_TITLE = 'What-if: expected payment under another schedule';

export function codesTitle(department: string | null): string {
  return department === null ? 'Expected vs actual payment by code' : `Expected vs actual payment by code in ${department}`;
}

export function providersTitle(department: string | null): string {
  return department === null ? 'Work RVUs by provider' : `Work RVUs by provider in ${department}`;
}
