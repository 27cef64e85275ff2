export * from './dates.js';
export * from './periods.js';
export * from './codes.js';
export * from './money.js';
export * from './npi.js';
export * from './line-columns.js';
export * from './line-rules.js';
export * from './measures.js';
// The field readers stay internal; only their defaults are part of the contract.
export { DEFAULT_PLACE_OF_SERVICE, MAX_MODIFIERS } from './line-fields.js';
export * from './fee-schedule.js';
export * from './fee-schedule-files.js';
export { readCsvRecords, columnLetter } from './fee-schedule-csv.js';
export * from './suppression.js';
export * from './forecast.js';
export * from './forecast-series.js';
export * from './capacity-calendar.js';
export * from './capacity.js';
export * from './capacity-needs.js';
