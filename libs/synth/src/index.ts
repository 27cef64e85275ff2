export { csvHeader, csvRow, SYNTH_COLUMNS } from './csv.js';
export { DEMO_DEPARTMENTS, type SynthDepartment } from './departments.js';
export { generateLines } from './generate-lines.js';
export type { SynthOptions } from './synth-options.js';
export { writeDemoCsv } from './write-demo-csv.js';
export { demoCapacityModel, type DemoCapacityModel } from './demo-capacity.js';
