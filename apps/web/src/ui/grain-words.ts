import { GRAIN_LABELS, isGrain } from '@caseload/domain';

/** A grain as a word in a sentence: `month`, `fiscal year`; `period` for anything unknown. */
export function grainNoun(grain: string): string {
  return isGrain(grain) ? GRAIN_LABELS[grain].toLowerCase() : 'period';
}

/** `Month`, `Fiscal year`: a column header. */
export function grainHeader(grain: string): string {
  return isGrain(grain) ? GRAIN_LABELS[grain] : 'Period';
}
