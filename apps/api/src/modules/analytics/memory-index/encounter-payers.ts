import { grownToHold } from './distinct-counter.js';

/** The class of an encounter whose lines name more than one payer category. */
export const SEVERAL_PAYERS = 255;

/**
 * The payer category of every encounter, as 1 + its index, 0 when unseen, or SEVERAL_PAYERS when
 * its lines disagree. Where every encounter of a range has one payer category, its distinct
 * encounters by payer are its distinct encounters counted under their payer: no key lists by
 * payer are needed. A patch that changes an encounter's payer marks it as several, which only
 * sends questions that meet it back to the database until the next full build.
 */
export class EncounterPayers {
  private payers = new Uint8Array(1 << 16);

  get classes(): Uint8Array {
    return this.payers;
  }

  clear(): void {
    this.payers = new Uint8Array(1 << 16);
  }

  note(encounter: number, payerCategory: number): void {
    if (encounter >= this.payers.length) this.payers = grownToHold(this.payers, encounter);
    const kind = payerCategory + 1;
    const seen = this.payers[encounter]!;
    if (seen === 0) this.payers[encounter] = kind;
    else if (seen !== kind) this.payers[encounter] = SEVERAL_PAYERS;
  }

}
