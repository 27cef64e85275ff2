/**
 * Counts distinct integer keys across many sorted runs without sorting or hashing: a stamp per
 * key says in which count it was last seen. One array serves every group of a query in turn.
 */
export class DistinctCounter {
  private stamps = new Uint32Array(1024);
  private epoch = 0;

  /** Starts a new count; returns a function that adds a run of keys and a reader of the total. */
  begin(): { add(keys: Int32Array, from: number, to: number): void; total(): number } {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
    const epoch = this.epoch;
    let count = 0;
    return {
      add: (keys, from, to) => {
        for (let i = from; i < to; i++) {
          const key = keys[i]!;
          if (key >= this.stamps.length) this.grow(key);
          if (this.stamps[key] !== epoch) {
            this.stamps[key] = epoch;
            count++;
          }
        }
      },
      total: () => count,
    };
  }

  private grow(key: number): void {
    let size = this.stamps.length;
    while (size <= key) size *= 2;
    const grown = new Uint32Array(size);
    grown.set(this.stamps);
    this.stamps = grown;
  }
}
