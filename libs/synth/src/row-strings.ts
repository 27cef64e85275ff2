import { formatCents, pad6, pad8, SMALL_INTS } from './format.js';
import type { LineEngine } from './line-engine.js';
import { PAYERS } from './payers.js';
import { MODIFIERS, REASONS, STATUSES } from './vocabulary.js';

/** Turns the engine's current line into CSV fields (SYNTH_COLUMNS order). */
export class RowFormatter {
  private encounterId = '';
  private patientId = '';

  constructor(private readonly engine: LineEngine) {}

  fill(row: string[]): void {
    const e = this.engine;
    const dept = e.dept;
    if (e.lineNo === 1) {
      this.encounterId = `E${e.cal.compact[e.day]}-${pad6(e.seq)}`;
      this.patientId = 'P' + pad8(e.patientNumber);
    }
    const payer = PAYERS[e.payer];
    row[0] = this.encounterId;
    row[1] = SMALL_INTS[e.lineNo];
    row[2] = this.patientId;
    row[3] = e.cal.iso[e.day];
    row[4] = dept.code;
    row[5] = dept.table.codes[e.codeIndex];
    row[6] = MODIFIERS[e.modifier];
    row[7] = SMALL_INTS[e.units];
    row[8] = dept.pos[e.posIndex];
    row[9] = payer.name;
    row[10] = payer.category;
    row[11] = e.npiIndex < 0 ? '' : dept.npis[e.npiIndex];
    row[12] = formatCents(e.charge);
    row[13] = formatCents(e.allowed);
    row[14] = formatCents(e.paid);
    row[15] = STATUSES[e.status];
    row[16] = REASONS[e.reason];
    row[17] = e.minutes < 0 ? '' : SMALL_INTS[e.minutes];
  }
}
